package com.balcao.provisioner.driver;

import com.balcao.provisioner.Failed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The tenant's app as a process of this host: {@code java -jar app.jar server config.yml}. */
final class LocalApp {
    private static final Set<String> NOT_FOR_SERVING = Set.of("backup");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(2)).build();
    private final Path dir;

    LocalApp(Path tenantDir) {
        this.dir = tenantDir;
    }

    /** The JVM running the CLI also runs the tenants, so both agree on the Java version. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static List<String> command(Path jar, String javaOpts, List<String> args) {
        List<String> command = new ArrayList<>();
        if (Processes.onPath("setsid")) {
            // Its own session: closing the operator's terminal does not take the tenant down.
            command.add("setsid");
        }
        command.add(java());
        for (String opt : javaOpts.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.add(classDataSharing(jar));
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        return command;
    }

    /**
     * The release's class-data archive: written by the first JVM that exits (a migration),
     * then mapped by every later start of that release, which cuts the JVM's start-up time.
     * An unusable archive is ignored by the JVM (-Xshare:auto), never fatal.
     */
    static String classDataSharing(Path jar) {
        Path archive = jar.resolveSibling("app.jsa");
        return Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive
            : "-XX:ArchiveClassesAtExit=" + archive;
    }

    void start(Path jar, Map<String, String> env) {
        if (running().isPresent()) {
            return;
        }
        try {
            Path logs = Files.createDirectories(dir.resolve("logs"));
            ProcessBuilder builder = new ProcessBuilder(command(jar,
                env.getOrDefault("JAVA_OPTS", ""), List.of("server",
                    dir.resolve("config.yml").toString())))
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("app.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            Files.writeString(dir.resolve("app.pid"), process.pid() + "\n");
        } catch (IOException e) {
            throw new Failed("cannot start the app: " + e.getMessage(), e);
        }
    }

    void stop() {
        running().ifPresent(p -> terminate(p, 30));
        try {
            Files.deleteIfExists(dir.resolve("app.pid"));
        } catch (IOException e) {
            throw new Failed("cannot remove " + dir.resolve("app.pid"), e);
        }
    }

    /** The app's process, if the recorded one is alive and is still this tenant's java. */
    Optional<ProcessHandle> running() {
        return pid(dir.resolve("app.pid")).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
            .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString()))
                .orElse(true));
    }

    /**
     * Whether the app serves: every health check passes but the backup's freshness, which a
     * new or just restored tenant cannot pass yet (it is reported by {@code list} instead).
     */
    static boolean healthy(int adminPort) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + adminPort + "/healthcheck"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return true;
            }
            JsonNode checks = JSON.readTree(response.body());
            boolean serving = checks.isObject() && checks.size() > 0;
            for (var check : (Iterable<Map.Entry<String, JsonNode>>) checks::fields) {
                serving &= NOT_FOR_SERVING.contains(check.getKey())
                    || check.getValue().path("healthy").asBoolean(false);
            }
            return serving;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Optional<Long> pid(Path file) {
        try {
            return Files.isRegularFile(file)
                ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM, and SIGKILL if it has not exited in time. */
    static void terminate(ProcessHandle process, int seconds) {
        process.destroy();
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }
}
