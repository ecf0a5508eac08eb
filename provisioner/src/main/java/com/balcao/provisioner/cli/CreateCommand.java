package com.balcao.provisioner.cli;

import com.balcao.provisioner.Refused;
import com.balcao.provisioner.driver.Driver;
import com.balcao.provisioner.driver.Drivers;
import com.balcao.provisioner.driver.KubernetesDriver;
import com.balcao.provisioner.driver.Releases;
import com.balcao.provisioner.ops.Creation;
import com.balcao.provisioner.ops.TenantFiles;
import com.balcao.provisioner.tenant.Names;
import com.balcao.provisioner.tenant.Niche;
import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Tenant;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code create <slug> --domain D --niche N --admin-email E}: a business's own stack. */
@Command(name = "create", description = "Creates a tenant, starts it and creates its admin.")
public final class CreateCommand extends Verb {
    @Parameters(index = "0", paramLabel = "SLUG") String slug;
    @Option(names = "--domain", required = true) String domain;
    @Option(names = "--niche", required = true,
        description = "celulares, advocacia, oficina, manicure, detetive or geral") String niche;
    @Option(names = "--admin-email", required = true) String adminEmail;
    @Option(names = "--timezone", defaultValue = "America/Sao_Paulo") String timeZone;
    @Option(names = "--driver", defaultValue = "local",
        description = "local, docker or kubernetes (default: local)") String driverName;
    @Option(names = "--version", defaultValue = "1.0.0",
        description = "app release (local: name for --app-jar; docker/kubernetes: image tag)")
    String version;
    @Option(names = "--app-jar", paramLabel = "JAR",
        description = "local driver: the app build to install as --version")
    Path appJar;
    @Option(names = "--meta-app-secret", description = "the Meta app's secret, if known now")
    String metaAppSecret;
    @Option(names = "--replicas", defaultValue = "1", description = "kubernetes: app replicas")
    int replicas;
    @Option(names = "--render-only",
        description = "docker/kubernetes: write the files under <home>/<slug>/ and stop there")
    boolean renderOnly;

    @Override
    public Integer call() {
        Registry registry = registry();
        Tenant wanted = validated();
        Driver driver = Drivers.of(wanted.driver, registry);
        if (replicas < 1 || replicas > 20) {
            throw new Refused("--replicas must be between 1 and 20");
        }
        Creation creation = new Creation(registry, out());
        Tenant t = creation.claim(wanted);
        if (renderOnly) {
            return render(registry, driver, t);
        }
        if (driver.name().equals("local")) {
            Releases releases = new Releases(registry.releases());
            if (appJar != null) {
                releases.install(t.version, appJar);
            } else if (!releases.has(t.version)) {
                throw new Refused("release " + t.version + " is not installed: pass --app-jar");
            }
        }
        Optional<String> password = creation.run(t, driver, metaAppSecret);
        creation.summary(t, password);
        return 0;
    }

    private int render(Registry registry, Driver driver, Tenant t) {
        if (driver.name().equals("local")) {
            throw new Refused("--render-only is for the docker and kubernetes drivers");
        }
        registry.save(t);
        if (driver instanceof KubernetesDriver k8s) {
            TenantFiles.renderEnv(registry, t, driver);
            Path dir = k8s.render(t);
            out().println("Manifests for " + t.slug + " written to " + dir);
        } else {
            driver.provision(t, TenantFiles.renderEnv(registry, t, driver));
            out().println("compose.yml and .env for " + t.slug + " written to "
                + registry.dir(t.slug) + " (start: docker compose -p " + t.namespace()
                + " up -d)");
        }
        return 0;
    }

    private Tenant validated() {
        Tenant t = new Tenant();
        t.slug = Names.slug(slug);
        t.domain = Names.domain(domain);
        t.niche = Niche.parse(niche).code();
        t.adminEmail = Names.email(adminEmail);
        t.timeZone = Names.timeZone(timeZone);
        t.version = Names.version(version);
        t.driver = driverName;
        t.replicas = replicas;
        Drivers.of(driverName, registry());
        return t;
    }
}
