package com.balcao.provisioner.cli;

import com.balcao.provisioner.Progress;
import com.balcao.provisioner.Refused;
import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.ops.Health;
import com.balcao.provisioner.ops.TenantFiles;
import com.balcao.provisioner.tenant.Secrets;
import com.balcao.provisioner.tenant.Tenant;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code rotate-secrets <slug>}: new database and Redis passwords, JWT secret and verify token.
 * The credentials key and the backup key stay: replacing them would make stored WhatsApp
 * credentials and existing backups unreadable. Signed-in staff sign in again.
 */
@Command(name = "rotate-secrets", description = "Replaces a tenant's passwords and tokens.")
public final class RotateSecretsCommand extends SlugVerb {
    @Override
    public Integer call() {
        Tenant t = tenant();
        if (!t.driver.equals("local")) {
            throw new Refused("rotate-secrets supports the local driver only so far: the MySQL"
                + " image of the " + t.driver + " driver reads its passwords on first start");
        }
        Driver driver = driver(t);
        Secrets secrets = new Secrets(registry().dir(t.slug));
        Progress progress = new Progress(out(), 4);
        progress.step("Stopping " + t.slug, () -> driver.stop(t));
        Map<String, String> env = progress.step("Generating new secrets", () -> {
            for (String name : Secrets.GENERATED) {
                if (!Secrets.KEPT_ON_ROTATE.contains(name)) {
                    secrets.put(name, Secrets.generate(name));
                }
            }
            return TenantFiles.renderEnv(registry(), t, driver);
        });
        progress.step("Applying them to the database and Redis", () -> driver.provision(t, env));
        progress.step("Starting and waiting until healthy", () -> {
            driver.start(t);
            Health.await(driver, t);
        });
        out().println("New verify token (update it in Meta's App Dashboard): "
            + secrets.get("WHATSAPP_VERIFY_TOKEN"));
        return 0;
    }
}
