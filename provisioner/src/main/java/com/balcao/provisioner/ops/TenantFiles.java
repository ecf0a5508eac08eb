package com.balcao.provisioner.ops;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.tenant.EnvFile;
import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Secrets;
import com.balcao.provisioner.tenant.Template;
import com.balcao.provisioner.tenant.Tenant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Renders a tenant's {@code .env} (mode 0600) from {@code env.template} and its secrets. */
public final class TenantFiles {
    private TenantFiles() {
    }

    /** Writes the file and returns the values the app will see. */
    public static Map<String, String> renderEnv(Registry registry, Tenant t, Driver driver) {
        Path dir = registry.dir(t.slug);
        Secrets secrets = new Secrets(dir);
        Map<String, String> values = new HashMap<>(secrets.ensure());
        values.put("TENANT_SLUG", t.slug);
        values.put("TENANT_NAME", t.slug);
        values.put("TENANT_DOMAIN", t.domain);
        values.put("APP_VERSION", t.version);
        values.put("TENANT_TIME_ZONE", t.timeZone);
        values.put("WHATSAPP_APP_SECRET", secrets.has("WHATSAPP_APP_SECRET")
            ? secrets.get("WHATSAPP_APP_SECRET") : "");
        EnvFile env = EnvFile.render(Template.read("env.template"), values);
        env.set("CREDENTIALS_KEY", values.get("CREDENTIALS_KEY"));
        env.set("BACKUP_PASSWORD", values.get("BACKUP_PASSWORD"));
        env.set("TENANT_NICHE", t.niche);
        driver.environment(t).forEach(env::set);
        try {
            Secrets.writePrivate(dir.resolve(".env"), env.text());
        } catch (IOException e) {
            throw new Failed("cannot write " + dir.resolve(".env") + ": " + e.getMessage(), e);
        }
        return env.values();
    }
}
