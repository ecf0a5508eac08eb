package com.balcao.provisioner.driver;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.tenant.Secrets;
import com.balcao.provisioner.tenant.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A tenant's own redis-server: its port, its password, its data under the tenant folder. */
final class LocalRedis {
    private final Path dir;

    LocalRedis(Path tenantDir) {
        this.dir = tenantDir.resolve("redis");
    }

    /** Writes the server's config (0600: it holds the password). */
    void configure(Tenant t, String password) {
        String conf = String.join("\n",
            "# Written by the provisioner; rotate-secrets rewrites it.",
            "bind 127.0.0.1",
            "protected-mode yes",
            "port " + t.redisPort,
            "requirepass " + password,
            "dir " + dir,
            "appendonly yes",
            "save \"\"",
            "daemonize yes",
            "pidfile " + dir.resolve("redis.pid"),
            "logfile " + dir.resolve("redis.log"),
            "");
        try {
            Files.createDirectories(dir);
            Secrets.writePrivate(dir.resolve("redis.conf"), conf);
        } catch (IOException e) {
            throw new Failed("cannot write the Redis config: " + e.getMessage(), e);
        }
    }

    void start(String password) {
        if (answers(password)) {
            return;
        }
        Driver.AppRun run = Processes.run(List.of("redis-server", dir.resolve("redis.conf")
            .toString()), Map.of(), dir, null, 30);
        if (!run.ok()) {
            throw new Failed("redis-server did not start: " + run.tail());
        }
        long deadline = System.currentTimeMillis() + 15_000;
        while (!answers(password)) {
            if (System.currentTimeMillis() > deadline) {
                throw new Failed("Redis did not answer within 15 s (see " + dir.resolve(
                    "redis.log") + ")");
            }
            sleep(100);
        }
    }

    void stop() {
        LocalApp.pid(dir.resolve("redis.pid")).flatMap(ProcessHandle::of)
            .ifPresent(p -> LocalApp.terminate(p, 15));
    }

    boolean answers(String password) {
        Driver.AppRun run = Processes.run(List.of("redis-cli", "-p", portFromConfig(),
            "--no-auth-warning", "ping"), Map.of("REDISCLI_AUTH", password), null, null, 10);
        return run.ok() && run.output().contains("PONG");
    }

    private String portFromConfig() {
        try {
            return Files.readAllLines(dir.resolve("redis.conf")).stream()
                .filter(l -> l.startsWith("port ")).map(l -> l.substring(5).trim()).findFirst()
                .orElse("0");
        } catch (IOException e) {
            return "0";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        }
    }
}
