package com.balcao.provisioner.cli;

import com.balcao.provisioner.ops.Backups;
import com.balcao.provisioner.tenant.Tenant;
import picocli.CommandLine.Command;

/** {@code backup <slug>}: a backup now, verified by a restore into a scratch database. */
@Command(name = "backup", description = "Takes and verifies a backup of a tenant.")
public final class BackupCommand extends SlugVerb {
    @Override
    public Integer call() {
        Tenant t = tenant();
        String id = new Backups(registry(), driver(t)).takeVerified(t);
        out().println("Backup " + id + " of " + t.slug + " taken and verified");
        return 0;
    }
}
