package com.balcao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fat jar as demo.sh and a tenant run it: {@code java -jar app.jar} in a child process,
 * reading the shipped config.yml from the environment, against a fresh database. Failsafe runs
 * it after {@code package}, so it tests the jar that ships, services file merging included.
 */
class DemoJarIT {
    private static final Path MODULE = Path.of(System.getProperty("basedir", "."))
        .toAbsolutePath().normalize();
    private static final Path JAR = MODULE.resolve("target/app.jar");
    /** demo.sh runs from the repository root, where config.yml lives. */
    private static final Path ROOT = MODULE.getParent();
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(90);
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final String ADMIN = "admin@demo.local";
    private static final String ADMIN_PASSWORD = "demo-admin-123";
    private static final HttpClient HTTP = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir static Path work;
    static TestDatabase db;
    static int port;
    static int adminPort;
    static Process server;
    static Result firstSeed;

    @BeforeAll
    static void migrateSeedAndServe() throws Exception {
        assertThat(JAR).as("the fat jar (mvn package builds it)").isRegularFile();
        db = TestDatabase.createEmpty();
        port = freePort();
        adminPort = freePort();
        run("", "db", "migrate", "config.yml").assertSucceeded();
        firstSeed = run("", "seed-demo", "config.yml").assertSucceeded();
        server = start("server", "config.yml");
        awaitLoginPage();
    }

    @AfterAll
    static void stopAndDrop() throws Exception {
        try {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(15, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void seedDemoCreatesTheDemoTenantOnceAndCanRunAgain() throws Exception {
        assertThat(firstSeed.output()).contains("Department created: Laboratório",
            "Account created: admin@demo.local (ADMIN)", "Account created: ana@demo.local");

        Result again = run("", "seed-demo", "config.yml").assertSucceeded();

        assertThat(again.output()).doesNotContain("created:");
        assertThat(count("SELECT COUNT(*) FROM departments")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM users WHERE email LIKE ?", "%@demo.local"))
            .isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM quick_replies")).as("typing / shows replies")
            .isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM conversation_labels")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM catalog_items WHERE active"))
            .as("the composer's catalog has items to send").isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM wa_templates WHERE status = 'APPROVED'"))
            .as("resuming a closed window, the appointment reminder, its cancellation and move, "
                + "hello_world").isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM conversations WHERE owner = 'AGENT' AND "
            + "last_inbound_at < UTC_TIMESTAMP() - INTERVAL 24 HOUR"))
            .as("a conversation whose reply window closed").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM conversations c JOIN contacts ct ON ct.id = "
            + "c.contact_id WHERE ct.wa_id = ?", "5511987650101"))
            .as("a returning customer with an earlier conversation").isEqualTo(2);
    }

    @Test
    void createAdminAddsAnAdminWhoCanSignInAndRefusesTheSameEmailTwice() throws Exception {
        String email = "dona@loja.test";
        String password = "senha-da-dona-123";
        Result created = run(password + "\n", "create-admin", "--email", email,
            "--name", "Dona da Loja", "config.yml").assertSucceeded();
        assertThat(created.output()).contains("Admin created: " + email)
            .doesNotContain("Generated password");
        assertThat(apiLogin(email, password).statusCode()).isEqualTo(200);

        Result duplicate = run("outra-senha-123\n", "create-admin", "--email", email,
            "--name", "Outra Pessoa", "config.yml");

        assertThat(duplicate.exitCode()).as(duplicate.output()).isNotZero();
        assertThat(duplicate.output())
            .contains("create-admin: An account with e-mail " + email + " exists")
            .as("no stack trace for an operator's mistake").doesNotContain("\tat ");
        assertThat(count("SELECT COUNT(*) FROM users WHERE email = ?", email)).isEqualTo(1);
    }

    @Test
    void adminPortReportsDatabaseAndRedisHealthy() throws Exception {
        HttpResponse<String> response = get("http://127.0.0.1:" + adminPort + "/healthcheck");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode checks = new ObjectMapper().readTree(response.body());
        assertThat(checks.path("database").path("healthy").asBoolean()).as(response.body())
            .isTrue();
        assertThat(checks.path("redis").path("healthy").asBoolean()).as(response.body())
            .isTrue();
    }

    @Test
    void adminPortServesMetricsInPrometheusTextFormat() throws Exception {
        HttpResponse<String> response = get("http://127.0.0.1:" + adminPort + "/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("# TYPE ").contains("jvm_memory_heap_used");
    }

    @Test
    void seededAdminSignsInThroughTheApi() throws Exception {
        HttpResponse<String> login = apiLogin(ADMIN, ADMIN_PASSWORD);

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = new ObjectMapper().readTree(login.body()).path("accessToken").asText();
        assertThat(token).isNotBlank();
        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/auth/me"))
            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(me.body()).path("email").asText()).isEqualTo(ADMIN);
    }

    /** What a finished command printed (stdout and stderr together) and how it ended. */
    record Result(List<String> command, int exitCode, String output) {
        Result assertSucceeded() {
            assertThat(exitCode).as("%s exited %d:%n%s", command, exitCode, output).isZero();
            return this;
        }
    }

    private static Result run(String input, String... arguments) throws Exception {
        Path log = Files.createTempFile(work, "command", ".log");
        ProcessBuilder builder = processFor(arguments).redirectOutput(log.toFile());
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("%s did not finish within %s:%n%s", builder.command(), COMMAND_LIMIT,
                Files.readString(log));
        }
        return new Result(builder.command(), process.exitValue(), Files.readString(log));
    }

    private static Process start(String... arguments) throws IOException {
        return processFor(arguments).redirectOutput(work.resolve("server.log").toFile()).start();
    }

    /**
     * {@code java -jar app.jar ...} from the repository root with demo.sh's environment and
     * nothing else, so a developer's own variables cannot change what is tested.
     */
    private static ProcessBuilder processFor(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Dfile.encoding=UTF-8", "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
            .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path == null ? "/usr/bin:/bin" : path);
        env.putAll(demoEnvironment());
        return builder;
    }

    private static Map<String, String> demoEnvironment() {
        return Map.ofEntries(
            Map.entry("DB_HOST", TestDatabase.host()),
            Map.entry("DB_PORT", String.valueOf(TestDatabase.port())),
            Map.entry("DB_NAME", db.name()),
            Map.entry("DB_USER", TestDatabase.USER),
            Map.entry("DB_PASSWORD", TestDatabase.PASSWORD),
            Map.entry("REDIS_HOST", TestApp.redisHost()),
            Map.entry("REDIS_PORT", TestApp.redisPort()),
            Map.entry("REDIS_KEY_PREFIX", "test:" + db.name() + ":"),
            Map.entry("PORT", String.valueOf(port)),
            Map.entry("ADMIN_PORT", String.valueOf(adminPort)),
            Map.entry("DATA_DIR", work.resolve("data").toString()),
            Map.entry("JWT_SECRET", TestApp.JWT_SECRET),
            Map.entry("DEMO_ADMIN_EMAIL", ADMIN),
            Map.entry("DEMO_ADMIN_PASSWORD", ADMIN_PASSWORD),
            Map.entry("SIMULATOR_ENABLED", "true"),
            Map.entry("WHATSAPP_APP_SECRET", "test-app-secret-0123456789abcdef"),
            Map.entry("WHATSAPP_VERIFY_TOKEN", "demo-verify-token"));
    }

    /** Polls the login page until it answers 200; fails early if the server died. */
    private static void awaitLoginPage() throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("the server exited with %d before serving /login:%n%s", server.exitValue(),
                    serverLog());
            }
            try {
                if (get(uri("/login").toString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Still starting: try again shortly.
            }
            Thread.sleep(250);
        }
        fail("the server did not serve /login within %s:%n%s", START_LIMIT, serverLog());
    }

    private static String serverLog() throws IOException {
        return Files.readString(work.resolve("server.log"));
    }

    private static HttpResponse<String> apiLogin(String email, String password) throws Exception {
        String body = new ObjectMapper().writeValueAsString(
            Map.of("email", email, "password", password));
        return HTTP.send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static long count(String sql, String... parameters) throws SQLException {
        try (Connection connection = db.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
