package com.balcao.provisioner.driver;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.Refused;
import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Template;
import com.balcao.provisioner.tenant.Tenant;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One compose project per tenant ({@code docker compose -p tenant-<slug>}) from the tenant's
 * rendered {@code compose.yml} and {@code .env}; the proxy stack routes its domain with TLS.
 */
public final class DockerDriver implements Driver {
    private final Registry registry;

    public DockerDriver(Registry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public List<Check> doctor(Tenant tenant) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("docker installed", Processes.onPath("docker"),
            "install Docker Engine"));
        boolean engine = Processes.onPath("docker") && Processes.run(List.of("docker", "info"),
            Map.of(), null, null, 30).ok();
        checks.add(new Check("Docker engine reachable", engine, "docker info failed"));
        checks.add(new Check("docker compose available", !compose().isEmpty(),
            "install the compose plugin (docker compose) or docker-compose"));
        if (engine) {
            checks.add(new Check("network balcao-proxy exists", Processes.run(List.of("docker",
                "network", "inspect", "balcao-proxy"), Map.of(), null, null, 30).ok(),
                "start the proxy stack: docker compose -f docker/proxy/compose.yml up -d"));
        }
        if (tenant != null) {
            checks.add(new Check("image pinned (not 'latest')", !"latest".equals(tenant.version),
                "use an explicit version"));
        }
        return checks;
    }

    @Override
    public Map<String, String> environment(Tenant tenant) {
        return Map.of("BACKUP_REPOSITORY", "/backups/repository");
    }

    @Override
    public void provision(Tenant tenant, Map<String, String> env) {
        Path dir = registry.dir(tenant.slug);
        try {
            Files.writeString(dir.resolve("compose.yml"), Template.read("compose.yml"));
            Files.createDirectories(dir.resolve("backups"));
            Files.createDirectories(dir.resolve("mysql-init"));
            // The app verifies backups in <db>_scratch and restores through <db>_scratch_old.
            String db = env.getOrDefault("DB_NAME", "balcao").replace("_", "\\_");
            Files.writeString(dir.resolve("mysql-init").resolve("10-scratch-grants.sql"),
                "GRANT ALL PRIVILEGES ON `" + db + "\\_scratch%`.* TO '"
                    + env.getOrDefault("DB_USER", "balcao") + "'@'%';\n");
        } catch (IOException e) {
            throw new Failed("cannot write compose.yml: " + e.getMessage(), e);
        }
    }

    @Override
    public void prepare(Tenant tenant, String version) {
        // An image built on this host (docker/build-image.sh) is used as it is; else pulled.
        if (!Processes.run(List.of("docker", "image", "inspect", KubernetesManifests.image(
            version)), Map.of(), null, null, 60).ok()) {
            check(compose(tenant, version, List.of("pull", "app")), "pull balcao/app:" + version);
        }
    }

    @Override
    public void start(Tenant tenant) {
        check(compose(tenant, tenant.version, List.of("up", "-d", "--remove-orphans")),
            "compose up");
    }

    @Override
    public void stop(Tenant tenant) {
        check(compose(tenant, tenant.version, List.of("stop")), "compose stop");
    }

    @Override
    public boolean healthy(Tenant tenant) {
        AppRun id = compose(tenant, tenant.version, List.of("ps", "-q", "app"));
        if (!id.ok() || id.output().isBlank()) {
            return false;
        }
        AppRun health = Processes.run(List.of("docker", "inspect", "--format",
            "{{.State.Health.Status}}", id.output().strip()), Map.of(), null, null, 30);
        return health.ok() && health.output().strip().equals("healthy");
    }

    @Override
    public AppRun run(Tenant tenant, String version, List<String> args, String stdin) {
        List<String> command = new ArrayList<>(List.of("run", "--rm", "-T", "app"));
        command.addAll(args);
        command.add("/app/config.yml");
        return compose(tenant, version, command, stdin);
    }

    @Override
    public void logs(Tenant tenant, boolean follow, PrintWriter out) {
        List<String> args = new ArrayList<>(List.of("logs", "--no-color", "--tail", "500"));
        if (follow) {
            args.add("-f");
        }
        args.add("app");
        out.print(compose(tenant, tenant.version, args).output());
        out.flush();
    }

    @Override
    public void suspend(Tenant tenant, boolean suspended) {
        String script = suspended ? "echo suspended > /data/SUSPENDED" : "rm -f /data/SUSPENDED";
        check(compose(tenant, tenant.version, List.of("exec", "-T", "app", "sh", "-c", script)),
            "suspend");
    }

    @Override
    public void snapshotDatabase(Tenant tenant, Path file) {
        AppRun dump = compose(tenant, tenant.version, List.of("exec", "-T", "mysql", "sh", "-c",
            "MYSQL_PWD=\"$MYSQL_ROOT_PASSWORD\" mysqldump -uroot --single-transaction"
                + " --routines --events --triggers --hex-blob \"$MYSQL_DATABASE\""));
        check(dump, "database dump");
        try {
            Files.writeString(file, dump.output());
        } catch (IOException e) {
            throw new Failed("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void restoreDatabase(Tenant tenant, Path file) {
        try {
            check(compose(tenant, tenant.version, List.of("exec", "-T", "mysql", "sh", "-c",
                "MYSQL_PWD=\"$MYSQL_ROOT_PASSWORD\" mysql -uroot \"$MYSQL_DATABASE\""),
                Files.readString(file)), "database restore");
        } catch (IOException e) {
            throw new Failed("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void restoreArchived(Tenant tenant, String backupId) {
        throw new Refused("restoring a destroyed tenant is supported by the local driver only"
            + " so far; create it again and run the app's backup restore in its stack");
    }

    @Override
    public void destroy(Tenant tenant) {
        check(compose(tenant, tenant.version, List.of("down", "-v", "--remove-orphans")),
            "compose down");
    }

    /** {@code docker compose} (the plugin) where present, else the older docker-compose. */
    static List<String> compose() {
        if (Processes.onPath("docker") && Processes.run(List.of("docker", "compose", "version"),
            Map.of(), null, null, 30).ok()) {
            return List.of("docker", "compose");
        }
        return Processes.onPath("docker-compose") ? List.of("docker-compose") : List.of();
    }

    private AppRun compose(Tenant tenant, String version, List<String> args) {
        return compose(tenant, version, args, null);
    }

    private AppRun compose(Tenant tenant, String version, List<String> args, String stdin) {
        List<String> command = new ArrayList<>(compose());
        if (command.isEmpty()) {
            throw new Failed("neither 'docker compose' nor docker-compose is installed");
        }
        command.addAll(List.of("-p", tenant.namespace()));
        command.addAll(args);
        // APP_VERSION from the environment wins over .env: how a one-shot runs another release.
        return Processes.run(command, Map.of("APP_VERSION", version), registry.dir(tenant.slug),
            stdin, 900);
    }

    private static void check(AppRun run, String what) {
        if (!run.ok()) {
            throw new Failed(what + " failed: " + run.tail());
        }
    }
}
