package com.balcao.app.bot;

import io.dropwizard.lifecycle.Managed;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a tenant's first start (no flow installed yet), activates the shipped flow of the niche it
 * was created for, so a new business answers with its own bot from the first message. Once any
 * flow exists the admins' choice stands, including having none active.
 */
final class NicheFlow implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(NicheFlow.class);
    static final String FALLBACK = "department_menu";
    /** The provisioner's niche names (what operators type) for the shipped flows. */
    private static final Map<String, String> NAMES = Map.of("celulares", "iphone_store",
        "advocacia", "law_firm", "oficina", "mechanic", "manicure", "nail_designer",
        "detetive", "detective", "geral", FALLBACK);
    /** Replicas starting together on a new tenant install the flow once. */
    private static final String LOCK = "balcao-niche-flow";
    private final String niche;
    private final Jdbi jdbi;
    private final FlowStore flows;

    NicheFlow(String niche, Jdbi jdbi, FlowStore flows) {
        this.niche = niche == null ? "" : niche.strip().toLowerCase(Locale.ROOT);
        this.jdbi = jdbi;
        this.flows = flows;
    }

    /** The shipped flow for a niche; an unknown niche gets the department menu. */
    static String flowKey(String niche) {
        if (FlowJson.SHIPPED.contains(niche)) {
            return niche;
        }
        return NAMES.getOrDefault(niche, FALLBACK);
    }

    @Override
    public void start() {
        if (niche.isEmpty()) {
            return;
        }
        try (Handle handle = jdbi.open()) {
            handle.createQuery("SELECT GET_LOCK(:name, 30)").bind("name", LOCK)
                .mapTo(Integer.class).one();
            try {
                activateOnFirstStart();
            } finally {
                handle.createQuery("SELECT RELEASE_LOCK(:name)").bind("name", LOCK)
                    .mapTo(Integer.class).one();
            }
        }
    }

    private void activateOnFirstStart() {
        if (!flows.flows().isEmpty()) {
            return;
        }
        String key = flowKey(niche);
        if (!FlowJson.SHIPPED.contains(niche) && !NAMES.containsKey(niche)) {
            LOG.warn("Unknown niche '{}' (bot.niche / TENANT_NICHE): starting with the {} flow",
                niche, key);
        }
        flows.install(key, true);
        LOG.info("First start for niche '{}': the {} flow is active", niche, key);
    }
}
