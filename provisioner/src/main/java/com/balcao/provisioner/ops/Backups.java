package com.balcao.provisioner.ops;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backups through the app's own commands ({@code backup run|verify|restore}), so the
 * provisioner and the nightly job share one engine and one repository per tenant.
 */
public final class Backups {
    /** The app prints "backup <id> snapshot <hex> …" for the backup it made. */
    private static final Pattern BACKUP = Pattern.compile("(?m)^backup (\\S+) snapshot ");
    private final Registry registry;
    private final Driver driver;

    public Backups(Registry registry, Driver driver) {
        this.registry = registry;
        this.driver = driver;
    }

    /** Takes a backup, verifies it by a restore into a scratch database, records both. */
    public String takeVerified(Tenant t) {
        Driver.AppRun run = driver.run(t, t.version, List.of("backup", "run"), null);
        if (!run.ok()) {
            throw new Failed("backup of " + t.slug + " failed:\n" + run.tail());
        }
        Matcher m = BACKUP.matcher(run.output());
        String id = null;
        while (m.find()) {
            id = m.group(1);
        }
        if (id == null) {
            throw new Failed("the backup printed no backup id:\n" + run.tail());
        }
        t.lastBackupAt = Instant.now();
        t.lastBackupId = id;
        registry.save(t);
        Driver.AppRun verify = driver.run(t, t.version, List.of("backup", "verify", id), null);
        if (!verify.ok()) {
            throw new Failed("backup " + id + " of " + t.slug + " did not verify:\n"
                + verify.tail());
        }
        t.lastVerifiedBackupAt = Instant.now();
        registry.save(t);
        return id;
    }

    /** Replaces the tenant's data with a snapshot ("latest" when none is named). */
    public void restore(Tenant t, String snapshot) {
        Driver.AppRun run = driver.run(t, t.version, List.of("backup", "restore", snapshot),
            null);
        if (!run.ok()) {
            throw new Failed("restore of " + snapshot + " into " + t.slug + " failed:\n"
                + run.tail());
        }
    }
}
