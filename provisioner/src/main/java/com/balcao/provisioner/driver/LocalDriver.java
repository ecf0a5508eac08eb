package com.balcao.provisioner.driver;

import com.balcao.backup.BackupEngine;
import com.balcao.backup.BackupException;
import com.balcao.backup.BackupTarget;
import com.balcao.backup.Database;
import com.balcao.backup.Progress;
import com.balcao.backup.RestoreTarget;
import com.balcao.provisioner.Failed;
import com.balcao.provisioner.Refused;
import com.balcao.provisioner.tenant.EnvFile;
import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Template;
import com.balcao.provisioner.tenant.Tenant;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tenants as processes of this host, for machines without a container engine: the shared
 * MariaDB/MySQL with a database and user per tenant, a redis-server per tenant, the app jar.
 */
public final class LocalDriver implements Driver {
    /**
     * One-shot commands are short-lived: a small heap, no time spent on the JIT's top tier, and
     * the single-threaded collector, which starts fastest.
     */
    private static final String ONE_SHOT_OPTS = "-Xmx256m -XX:TieredStopAtLevel=1"
        + " -XX:+UseSerialGC -Dfile.encoding=UTF-8";
    private final Registry registry;
    private final Releases releases;
    private final LocalDatabase database = new LocalDatabase();

    public LocalDriver(Registry registry) {
        this.registry = registry;
        this.releases = new Releases(registry.releases());
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public List<Check> doctor(Tenant tenant) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("database root login (mariadb client)", database.answers(),
            "mariadb -uroot over the socket, or DB_ROOT_PASSWORD over TCP"));
        checks.add(new Check("redis-server installed", Processes.onPath("redis-server")
            && Processes.onPath("redis-cli"), "apt-get install redis-server redis-tools"));
        checks.add(new Check("mariadb-dump installed (upgrade rollback)",
            Processes.onPath("mariadb-dump"), "apt-get install mariadb-client"));
        checks.add(new Check("restic installed (backups)", Processes.onPath("restic"),
            "apt-get install restic"));
        if (tenant != null) {
            checks.add(new Check("release " + tenant.version + " installed",
                releases.has(tenant.version), "install it with --app-jar"));
            if (new LocalApp(registry.dir(tenant.slug)).running().isEmpty()) {
                for (int port : List.of(tenant.appPort, tenant.adminPort)) {
                    checks.add(new Check("port " + port + " free", free(port),
                        "another program listens on it: stop it, or destroy and re-create"));
                }
            }
        }
        return checks;
    }

    @Override
    public Map<String, String> environment(Tenant t) {
        claimPorts(t);
        Path dir = registry.dir(t.slug);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_HOST", database.host());
        env.put("DB_PORT", database.port());
        env.put("DB_NAME", LocalDatabase.database(t));
        env.put("DB_USER", LocalDatabase.user(t));
        env.put("DB_POOL_SIZE", "12");
        env.put("REDIS_HOST", "127.0.0.1");
        env.put("REDIS_PORT", String.valueOf(t.redisPort));
        env.put("PORT", String.valueOf(t.appPort));
        env.put("ADMIN_PORT", String.valueOf(t.adminPort));
        env.put("DATA_DIR", dir.resolve("data").toString());
        env.put("BACKUP_REPOSITORY", dir.resolve("backups").resolve("repository").toString());
        env.put("BACKUP_SCRATCH_DATABASE", LocalDatabase.scratch(t));
        env.put("JAVA_OPTS", "-Xmx512m -Dfile.encoding=UTF-8");
        return env;
    }

    @Override
    public void provision(Tenant t, Map<String, String> env) {
        Path dir = registry.dir(t.slug);
        database.create(t, env.get("DB_PASSWORD"));
        new LocalRedis(dir).configure(t, env.get("REDIS_PASSWORD"));
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("logs"));
            Files.writeString(dir.resolve("config.yml"), Template.read("config.yml"));
        } catch (IOException e) {
            throw new Failed("cannot write the tenant's files: " + e.getMessage(), e);
        }
    }

    /**
     * Ports no other tenant holds and nothing listens on, chosen once and kept for good; under
     * the home's lock, so two creates running at once never pick the same.
     */
    private void claimPorts(Tenant t) {
        if (t.appPort != 0) {
            return;
        }
        registry.locked(() -> {
            Set<Integer> taken = new HashSet<>();
            for (Tenant other : registry.all()) {
                taken.addAll(List.of(other.appPort, other.adminPort, other.redisPort));
            }
            t.appPort = freePort(taken);
            t.adminPort = freePort(taken);
            t.redisPort = freePort(taken);
            registry.save(t);
        });
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort(Set<Integer> taken) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (taken.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new Failed("no free port: " + e.getMessage(), e);
            }
        }
        throw new Failed("no free port found");
    }

    @Override
    public void prepare(Tenant tenant, String version) {
        if (!releases.has(version)) {
            throw new Refused("release " + version + " is not installed in "
                + registry.releases() + ": pass --app-jar with that build");
        }
    }

    @Override
    public void start(Tenant t) {
        Map<String, String> env = env(t);
        Path dir = registry.dir(t.slug);
        new LocalRedis(dir).start(env.get("REDIS_PASSWORD"));
        prepare(t, t.version);
        new LocalApp(dir).start(releases.jar(t.version), env);
    }

    @Override
    public void stop(Tenant t) {
        Path dir = registry.dir(t.slug);
        new LocalApp(dir).stop();
        new LocalRedis(dir).stop();
    }

    @Override
    public boolean healthy(Tenant t) {
        return new LocalApp(registry.dir(t.slug)).running().isPresent()
            && LocalApp.healthy(t.adminPort);
    }

    @Override
    public AppRun run(Tenant t, String version, List<String> args, String stdin) {
        prepare(t, version);
        Path dir = registry.dir(t.slug);
        List<String> withConfig = new ArrayList<>(args);
        withConfig.add(dir.resolve("config.yml").toString());
        return Processes.run(LocalApp.command(releases.jar(version), ONE_SHOT_OPTS, withConfig),
            env(t), dir, stdin, 600);
    }

    @Override
    public void logs(Tenant t, boolean follow, PrintWriter out) {
        Path log = registry.dir(t.slug).resolve("logs").resolve("app.log");
        if (!Files.isRegularFile(log)) {
            throw new Refused("no log yet for " + t.slug);
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] buffer = new byte[8192];
            while (true) {
                for (int n; (n = file.read(buffer)) > 0; ) {
                    out.print(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
                out.flush();
                if (!follow) {
                    return;
                }
                LocalRedis.sleep(500);
            }
        } catch (IOException e) {
            throw new Failed("cannot read " + log + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void suspend(Tenant t, boolean suspended) {
        Path flag = registry.dir(t.slug).resolve("data").resolve("SUSPENDED");
        try {
            if (suspended) {
                Files.writeString(flag, "suspended by the provider\n");
            } else {
                Files.deleteIfExists(flag);
            }
        } catch (IOException e) {
            throw new Failed("cannot change " + flag + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void snapshotDatabase(Tenant t, Path file) {
        database.dump(t, file);
    }

    @Override
    public void restoreDatabase(Tenant t, Path file) {
        database.load(t, file);
    }

    @Override
    public void restoreArchived(Tenant t, String backupId) {
        Map<String, String> env = env(t);
        Path data = Path.of(env.get("DATA_DIR"));
        BackupEngine engine = new BackupEngine(new BackupTarget(env.get("BACKUP_REPOSITORY"),
            env.get("BACKUP_PASSWORD"), Map.of(), data.resolve(".cache/restic")),
            data.resolve(".backup-work"));
        Database db = new Database(database.host(), Integer.parseInt(database.port()),
            env.get("DB_USER"), env.get("DB_PASSWORD"), env.get("DB_NAME"));
        try {
            // The scheduler's tables and the backup history of the new database are kept.
            engine.restore(backupId, new RestoreTarget(db, data.resolve("media"),
                LocalDatabase.scratch(t), List.of("QRTZ_", "backup_runs")), Progress.NONE);
        } catch (BackupException e) {
            throw new Failed("restore of " + backupId + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy(Tenant t) {
        stop(t);
        database.drop(t);
    }

    /** What the app process sees: the tenant's .env as rendered. */
    private Map<String, String> env(Tenant t) {
        Path file = registry.dir(t.slug).resolve(".env");
        try {
            return EnvFile.parse(Files.readString(file)).values();
        } catch (IOException e) {
            throw new Failed("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
