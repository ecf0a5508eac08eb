package com.balcao.provisioner.cli;

import com.balcao.provisioner.Progress;
import com.balcao.provisioner.Refused;
import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.ops.AppCommands;
import com.balcao.provisioner.ops.Archive;
import com.balcao.provisioner.ops.Backups;
import com.balcao.provisioner.ops.Health;
import com.balcao.provisioner.ops.TenantFiles;
import com.balcao.provisioner.tenant.Tenant;
import com.balcao.provisioner.tenant.TenantState;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code restore <slug> [<snapshot>]}: a tenant's data back from a backup (the latest unless
 * named). A destroyed tenant is rebuilt from its archive first.
 */
@Command(name = "restore", description = "Restores a tenant (or a destroyed one) from backup.")
public final class RestoreCommand extends SlugVerb {
    @Parameters(index = "1", arity = "0..1", paramLabel = "SNAPSHOT",
        description = "a backup or snapshot id (default: the last one this CLI took, else the"
            + " latest)")
    String snapshot;

    @Override
    public Integer call() {
        Archive archive = new Archive(registry());
        boolean destroyed = registry().find(slug).isEmpty();
        if (destroyed && archive.find(slug).isEmpty()) {
            throw new Refused("no tenant '" + slug + "' and no archive of one in "
                + registry().home());
        }
        Progress progress = new Progress(out(), destroyed ? 5 : 2);
        Tenant t = destroyed ? progress.step("Bringing back the archived files",
            () -> archive.bringBack(slug)) : tenant();
        Driver driver = driver(t);
        // The database of a destroyed tenant no longer lists its backups: name the backup.
        String id = snapshot != null ? snapshot : t.lastBackupId != null ? t.lastBackupId
            : "latest";
        if (destroyed) {
            progress.step("Recreating the database and Redis", () -> {
                t.appPort = 0;
                t.state = TenantState.CREATING;
                Map<String, String> env = TenantFiles.renderEnv(registry(), t, driver);
                driver.provision(t, env);
                registry().save(t);
            });
            progress.step("Migrating the empty database", () -> new AppCommands(driver, t)
                .migrate(t.version));
            progress.step("Restoring backup " + id + " from the archived repository",
                () -> driver.restoreArchived(t, id));
            progress.step("Starting and waiting until healthy", () -> {
                driver.start(t);
                Health.await(driver, t);
            });
        } else {
            // The app stays up: it answers webhooks with 503 while its data is being replaced.
            progress.step("Restoring backup " + id, () -> new Backups(registry(), driver)
                .restore(t, id));
            progress.step("Restarting so nothing cached survives, and waiting until healthy",
                () -> {
                    driver.stop(t);
                    driver.start(t);
                    Health.await(driver, t);
                });
        }
        t.state = TenantState.RUNNING;
        registry().save(t);
        if (destroyed) {
            archive.forget(slug);
        }
        out().println(t.slug + " restored from backup " + id);
        return 0;
    }
}
