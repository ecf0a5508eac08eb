package com.balcao.provisioner.ops;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.Progress;
import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Tenant;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/**
 * A tenant to a new release: snapshot first, migrations in a one-shot run, then the new
 * release must come up healthy. Anything failing puts the old release and the snapshot back
 * by itself, so no upgrade ends with a half-migrated database or an empty history.
 */
public final class Upgrade {
    private final Registry registry;
    private final PrintWriter out;

    public Upgrade(Registry registry, PrintWriter out) {
        this.registry = registry;
        this.out = out;
    }

    public void run(Tenant t, Driver driver, String target, boolean appBackup) {
        String previous = t.version;
        Progress progress = new Progress(out, appBackup ? 6 : 5);
        progress.step("Checking release " + target, () -> driver.prepare(t, target));
        if (appBackup) {
            progress.step("Taking a verified backup", () -> new Backups(registry, driver)
                .takeVerified(t));
        }
        Path snapshot = progress.step("Snapshotting the database", () -> snapshot(t, driver,
            previous, target));
        progress.step("Stopping " + previous, () -> driver.stop(t));
        try {
            progress.step("Migrating to " + target, () -> new AppCommands(driver, t)
                .migrate(target));
            t.version = target;
            progress.step("Starting " + target + " and waiting until healthy", () -> {
                TenantFiles.renderEnv(registry, t, driver);
                driver.start(t);
                Health.await(driver, t);
            });
        } catch (RuntimeException e) {
            rollBack(t, driver, previous, snapshot);
            throw new Failed("upgrade of " + t.slug + " to " + target + " failed, rolled back"
                + " to " + previous + " with its data: " + e.getMessage(), e);
        }
        registry.save(t);
        out.println(t.slug + " now runs " + target + " (snapshot kept at " + snapshot + ")");
    }

    private void rollBack(Tenant t, Driver driver, String previous, Path snapshot) {
        out.println("Rolling back to " + previous + "…");
        Progress progress = new Progress(out, 3);
        progress.step("Stopping the failed release", () -> driver.stop(t));
        t.version = previous;
        progress.step("Restoring the pre-upgrade snapshot", () -> driver.restoreDatabase(t,
            snapshot));
        progress.step("Starting " + previous + " and waiting until healthy", () -> {
            TenantFiles.renderEnv(registry, t, driver);
            driver.start(t);
            Health.await(driver, t);
        });
        registry.save(t);
    }

    private Path snapshot(Tenant t, Driver driver, String from, String to) {
        try {
            // The snapshot holds customer data: only the owner may enter its folder.
            Path dir = Files.createDirectories(registry.dir(t.slug).resolve("upgrades"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
            Path file = dir.resolve(Instant.now().toString().replace(':', '-') + "-" + from
                + "-to-" + to + ".sql");
            driver.snapshotDatabase(t, file);
            return file;
        } catch (IOException e) {
            throw new Failed("cannot create the snapshot folder: " + e.getMessage(), e);
        }
    }
}
