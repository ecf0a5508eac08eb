package com.balcao.provisioner.cli;

import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Tenant;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code list [--json]}: every tenant with its driver, version, health and last backup. */
@Command(name = "list", description = "Lists the tenants, with their health.")
public final class ListCommand extends Verb {
    @Option(names = "--json", description = "a JSON array, for scripts")
    boolean json;

    /** One line of the listing. */
    record Row(String slug, String domain, String url, String driver, String version,
               String state, boolean healthy, Instant lastVerifiedBackupAt) {
    }

    @Override
    public Integer call() throws JsonProcessingException {
        List<Row> rows = registry().all().stream().map(this::row).toList();
        if (json) {
            out().println(Registry.json().writeValueAsString(rows));
            return 0;
        }
        String format = "%-20s %-32s %-10s %-12s %-10s %-8s %s%n";
        out().printf(format, "SLUG", "DOMAIN", "DRIVER", "VERSION", "STATE", "HEALTHY",
            "LAST VERIFIED BACKUP");
        for (Row r : rows) {
            out().printf(format, r.slug(), r.domain(), r.driver(), r.version(), r.state(),
                r.healthy() ? "yes" : "no", r.lastVerifiedBackupAt() == null ? "never"
                    : r.lastVerifiedBackupAt().toString());
        }
        return 0;
    }

    private Row row(Tenant t) {
        boolean healthy;
        try {
            healthy = driver(t).healthy(t);
        } catch (RuntimeException e) {
            healthy = false;
        }
        return new Row(t.slug, t.domain, t.url(), t.driver, t.version, t.state.name(), healthy,
            t.lastVerifiedBackupAt);
    }
}
