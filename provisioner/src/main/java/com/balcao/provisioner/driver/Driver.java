package com.balcao.provisioner.driver;

import com.balcao.provisioner.tenant.Tenant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How tenants run on one kind of infrastructure. Every method is safe to call again: a create
 * or destroy that stopped half-way is finished by running it once more.
 */
public interface Driver {
    String name();

    /** Checks this host can run a tenant (tools, ports, cluster access); a line per check. */
    List<Check> doctor(Tenant tenantOrNull);

    /** Settings this driver fixes in the tenant's .env (hosts, ports, names). */
    Map<String, String> environment(Tenant tenant);

    /** Claims ports or names and creates the tenant's database, Redis and files. */
    void provision(Tenant tenant, Map<String, String> env);

    /** Makes the given release runnable for this tenant (a jar copied, an image pulled). */
    void prepare(Tenant tenant, String version);

    void start(Tenant tenant);

    void stop(Tenant tenant);

    boolean healthy(Tenant tenant);

    /** Runs one of the app's own commands ({@code db migrate}, {@code create-admin}, …). */
    AppRun run(Tenant tenant, String version, List<String> args, String stdin);

    void logs(Tenant tenant, boolean follow, PrintWriter out);

    /** Turns the app's maintenance answer (503 on every request) on or off. */
    void suspend(Tenant tenant, boolean suspended);

    /** A copy of the tenant's database, the quick way back when an upgrade goes wrong. */
    void snapshotDatabase(Tenant tenant, Path file);

    void restoreDatabase(Tenant tenant, Path file);

    /**
     * Loads a backup from the tenant's own repository into its re-created, migrated database
     * and media folder: for a destroyed tenant, whose new database knows none of its backups.
     */
    void restoreArchived(Tenant tenant, String backupId);

    /**
     * Makes the tenant's backup repository outlive {@link #destroy}, and says where it stays
     * when that is not the tenant's folder (which destroy archives with the repository in it).
     */
    default Optional<String> keepBackups(Tenant tenant) {
        return Optional.empty();
    }

    /** Removes everything the tenant has on this infrastructure (database, Redis, app). */
    void destroy(Tenant tenant);

    /** The result of a one-shot app command. */
    record AppRun(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }

        /**
         * The last lines without stack frames: enough to say why a command failed without
         * flooding the terminal.
         */
        public String tail() {
            List<String> lines = output.strip().lines()
                .filter(l -> !l.matches("\\s+(at |\\.\\.\\. \\d+ more).*")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 8),
                lines.size()));
        }
    }

    /** One doctor check. */
    record Check(String what, boolean ok, String detail) {
    }
}
