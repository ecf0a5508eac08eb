package com.balcao.provisioner.cli;

import com.balcao.provisioner.ExitCodes;
import com.balcao.provisioner.tenant.Tenant;
import picocli.CommandLine.Command;

/** {@code status <slug>}: one tenant in detail; exit status 4 when it is not healthy. */
@Command(name = "status", description = "Shows one tenant and checks its health.")
public final class StatusCommand extends SlugVerb {
    @Override
    public Integer call() {
        Tenant t = tenant();
        boolean healthy = driver(t).healthy(t);
        out().println("slug:         " + t.slug);
        out().println("url:          " + t.url());
        out().println("driver:       " + t.driver);
        out().println("version:      " + t.version);
        out().println("niche:        " + t.niche);
        out().println("state:        " + t.state);
        out().println("healthy:      " + (healthy ? "yes" : "no"));
        out().println("created:      " + t.createdAt);
        out().println("last backup:  " + (t.lastBackupAt == null ? "never" : t.lastBackupAt
            + " (" + t.lastBackupId + ")"));
        out().println("last verified backup: " + (t.lastVerifiedBackupAt == null ? "never"
            : t.lastVerifiedBackupAt));
        if (t.driver.equals("local")) {
            out().println("ports:        app " + t.appPort + ", admin " + t.adminPort
                + ", redis " + t.redisPort);
        }
        return healthy ? ExitCodes.OK : ExitCodes.UNHEALTHY;
    }
}
