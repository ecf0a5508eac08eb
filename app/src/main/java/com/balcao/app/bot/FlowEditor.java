package com.balcao.app.bot;

import com.balcao.app.catalog.CatalogDao;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * What the panel's bot pages work on: a flow opened for editing (a published version, or a
 * shipped flow not installed yet) with the tenant's departments and catalog for the previews.
 */
final class FlowEditor {
    private final Jdbi jdbi;
    private final FlowStore flows;
    private final String businessName;

    FlowEditor(Jdbi jdbi, FlowStore flows, String businessName) {
        this.jdbi = jdbi;
        this.flows = flows;
        this.businessName = businessName;
    }

    /**
     * A flow as opened in the editor.
     *
     * @param version     its version number, null for a shipped flow not installed yet
     * @param publishedAt when that version was published
     */
    record Opened(Flow flow, Integer version, Instant publishedAt, boolean active,
                  List<BotContext.DepartmentChoice> departments, Preview preview,
                  Describe describe) {
        public boolean isInstalled() {
            return version != null;
        }
    }

    FlowStore store() {
        return flows;
    }

    /** Version {@code number} of the flow (its published one when null or unknown). */
    Optional<Opened> open(String key, Integer number) {
        List<FlowDao.VersionRow> versions = flows.versions(key);
        Optional<FlowDao.VersionRow> row = versions.stream()
            .filter(v -> number != null && v.version() == number).findFirst()
            .or(() -> flows.published(key).flatMap(p -> versions.stream()
                .filter(v -> v.version() == p.number()).findFirst()));
        boolean active = flows.active().map(v -> v.flow().key().equals(key)).orElse(false);
        if (row.isPresent()) {
            return Optional.of(opened(flows.version(row.get().id()).orElseThrow(),
                row.get().version(), row.get().createdAt(), active));
        }
        if (FlowJson.SHIPPED.contains(key)) {
            return Optional.of(opened(FlowJson.shipped(key), null, null, false));
        }
        return Optional.empty();
    }

    /** The tenant as the bot sees it, with a sample customer: for previews and the console. */
    BotContext context() {
        return jdbi.withHandle(handle -> new BotContext("Maria Souza", businessName, null,
            handle.attach(MenuDepartmentDao.class).menu().stream().map(BotContexts::choice)
                .toList(), handle.attach(CatalogDao.class).offered().stream()
                .map(BotContexts::choice).toList(), null, null, null));
    }

    Describe describe(BotContext context) {
        return new Describe(names(context.departments()));
    }

    private Opened opened(Flow flow, Integer version, Instant at, boolean active) {
        BotContext context = context();
        return new Opened(flow, version, at, active, context.departments(),
            new Preview(context, FlowValidator.savedFields(flow)), describe(context));
    }

    /** Department slug → name, for a list of departments. */
    static Map<String, String> names(List<BotContext.DepartmentChoice> departments) {
        return departments.stream().collect(Collectors.toMap(
            BotContext.DepartmentChoice::slug, BotContext.DepartmentChoice::name, (a, b) -> a));
    }
}
