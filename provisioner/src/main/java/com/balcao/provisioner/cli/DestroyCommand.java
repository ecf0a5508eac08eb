package com.balcao.provisioner.cli;

import com.balcao.provisioner.Progress;
import com.balcao.provisioner.Refused;
import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.ops.Archive;
import com.balcao.provisioner.ops.Backups;
import com.balcao.provisioner.tenant.Tenant;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code destroy <slug> --yes}: removes a tenant, after a final verified backup that is kept
 * (with its key) under {@code <home>/.archive/<slug>/}. No backup, no destroy.
 */
@Command(name = "destroy", description = "Removes a tenant, keeping a final verified backup.")
public final class DestroyCommand extends SlugVerb {
    @Option(names = "--yes", description = "confirms: the tenant's stack and data are removed")
    boolean yes;

    @Override
    public Integer call() {
        Tenant t = tenant();
        if (!yes) {
            throw new Refused("destroy removes " + t.slug + " (" + t.domain + ") and its data"
                + " after a final backup; re-run with --yes to confirm");
        }
        Driver driver = driver(t);
        Archive archive = new Archive(registry());
        Progress progress = new Progress(out(), 5);
        String id = progress.step("Taking the final verified backup", () -> {
            // The backup needs the tenant's services up (a stopped tenant is started first).
            driver.start(t);
            return new Backups(registry(), driver).takeVerified(t);
        });
        Optional<String> onCluster = progress.step("Keeping the backup repository",
            () -> driver.keepBackups(t));
        Path kept = progress.step("Archiving the backups and their key", () -> archive.keep(t));
        progress.step("Removing the stack (" + driver.name() + ")", () -> driver.destroy(t));
        progress.step("Removing the tenant's files", () -> Archive.delete(registry().dir(
            t.slug)));
        out().println(t.slug + " destroyed; final backup " + id + " kept in "
            + onCluster.map(where -> where + ", its key in ").orElse("") + kept
            + " (bring it back with: provisioner restore " + t.slug + ")");
        return 0;
    }
}
