package com.balcao.provisioner.cli;

import com.balcao.provisioner.Refused;
import com.balcao.provisioner.driver.Releases;
import com.balcao.provisioner.ops.Upgrade;
import com.balcao.provisioner.tenant.Names;
import com.balcao.provisioner.tenant.Tenant;
import com.balcao.provisioner.tenant.TenantState;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code upgrade <slug> --version V}: backup, migrations in a one-shot run, health check, and
 * an automatic rollback to the previous release and the pre-upgrade data on any failure.
 */
@Command(name = "upgrade", description = "Moves a tenant to another release, or rolls back.")
public final class UpgradeCommand extends SlugVerb {
    @Option(names = "--version", required = true) String version;
    @Option(names = "--app-jar", paramLabel = "JAR",
        description = "local driver: the build to install as --version")
    Path appJar;
    @Option(names = "--skip-backup", description = "no app backup before (the database"
        + " snapshot for the rollback is always taken)")
    boolean skipBackup;

    @Override
    public Integer call() {
        Tenant t = tenant();
        String target = Names.version(version);
        if (t.state == TenantState.CREATING) {
            throw new Refused(t.slug + " is not created yet: re-run its create first");
        }
        if (target.equals(t.version)) {
            out().println(t.slug + " already runs " + target);
            return 0;
        }
        if (t.driver.equals("local") && appJar != null) {
            new Releases(registry().releases()).install(target, appJar);
        }
        new Upgrade(registry(), out()).run(t, driver(t), target, !skipBackup);
        return 0;
    }
}
