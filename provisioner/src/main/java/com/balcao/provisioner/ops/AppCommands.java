package com.balcao.provisioner.ops;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.tenant.Tenant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The app's own commands, run one-shot through the tenant's driver. */
public final class AppCommands {
    private static final Pattern GENERATED = Pattern.compile(
        "Generated password[^:]*:\\s*(\\S+)");
    private final Driver driver;
    private final Tenant tenant;

    public AppCommands(Driver driver, Tenant tenant) {
        this.driver = driver;
        this.tenant = tenant;
    }

    public void migrate(String version) {
        Driver.AppRun run = driver.run(tenant, version, List.of("db", "migrate"), null);
        if (!run.ok()) {
            throw new Failed("migrations of " + version + " failed:\n" + run.tail());
        }
    }

    /**
     * Creates the first admin with a password the app generates (changed at first sign-in);
     * empty when the admin already existed (a resumed create), since it was shown back then.
     */
    public Optional<String> createAdmin(String email) {
        Driver.AppRun run = driver.run(tenant, tenant.version, List.of("create-admin", "--email",
            email, "--name", "Administrador"), "\n");
        if (!run.ok()) {
            if (run.output().contains("exists")) {
                return Optional.empty();
            }
            throw new Failed("create-admin failed:\n" + run.tail());
        }
        Matcher m = GENERATED.matcher(run.output());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
