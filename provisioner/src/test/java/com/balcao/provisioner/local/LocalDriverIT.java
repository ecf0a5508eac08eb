package com.balcao.provisioner.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.balcao.provisioner.Cli;
import com.balcao.provisioner.ExitCodes;
import com.balcao.provisioner.driver.LocalDriver;
import com.balcao.provisioner.ops.Archive;
import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Two real tenants with the local driver (their own database, Redis and app process) on this
 * machine's MariaDB, driven through the CLI exactly as an operator types it. The steps build
 * on each other, so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalDriverIT {
    private static final Path APP_JAR = Path.of(System.getProperty("balcao.appJar",
        "../app/target/app.jar")).toAbsolutePath().normalize();
    /** Per run, so parallel runs on one machine never share a database or user name. */
    private final String run = new SecureRandom().ints(5, 'a', 'z' + 1)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    private final String a = "it" + run + "-a";
    private final String b = "it" + run + "-b";
    /** Shared by the ordered steps (a @TempDir field would be emptied after each one). */
    private Path home;
    private boolean failed;
    private Cli cli;
    private LocalTenants tenants;

    @BeforeAll
    void jarIsBuilt() throws Exception {
        assertThat(APP_JAR).as("the app module is packaged before the provisioner's"
            + " integration tests (mvn verify from the root)").isRegularFile();
        home = Files.createTempDirectory("provisioner-it-");
        cli = new Cli(home);
        tenants = new LocalTenants(home);
    }

    private void init() {
        assertThat(cli).isNotNull();
    }

    private Cli.Result create(String slug) {
        return cli.run("create", slug, "--domain", slug + ".example.com.br", "--niche", "oficina",
            "--admin-email", "dono@" + slug + ".com.br", "--app-jar", APP_JAR.toString(),
            "--meta-app-secret", "meta-secret-of-" + slug);
    }

    @Test
    @Order(1)
    void twoTenantsComeUpHealthyWithTheirOwnSecrets() throws Exception {
        init();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Cli.Result> creatingA = pool.submit(() -> create(a));
        Future<Cli.Result> creatingB = pool.submit(() -> create(b));
        Cli.Result first = creatingA.get();
        Cli.Result second = creatingB.get();
        pool.shutdown();
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(second.exit()).as(second.toString()).isZero();
        for (Cli.Result r : List.of(first, second)) {
            System.out.println("local driver, two creates at once: " + r.out().lines()
                .filter(l -> l.contains("after the create began")).findFirst().orElseThrow()
                .strip());
        }
        assertThat(first.out()).contains("[6/7] Creating the admin",
            "[7/7] Taking the first verified backup… ok", "Admin password:",
            "https://" + a + ".example.com.br/webhooks/whatsapp", "Verify token:");
        assertThat(first.out()).containsPattern("Admin password:\\s+\\S{12,}");

        JsonNode list = new ObjectMapper().readTree(cli.run("list", "--json").out());
        assertThat(list).hasSize(2);
        for (JsonNode row : list) {
            assertThat(row.get("healthy").asBoolean()).as(row.toString()).isTrue();
            assertThat(row.get("driver").asText()).isEqualTo("local");
            assertThat(row.get("version").asText()).isEqualTo("1.0.0");
            assertThat(row.get("url").asText()).startsWith("https://");
            assertThat(row.get("lastVerifiedBackupAt").isNull()).as("first backup").isFalse();
        }
        Path secrets = home.resolve(a).resolve("secrets");
        try (Stream<Path> files = Files.list(secrets)) {
            for (Path f : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                    .as(f.toString()).isEqualTo("rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
            home.resolve(a).resolve(".env")))).isEqualTo("rw-------");
        assertThat(tenants.env(a).get("DB_PASSWORD")).isNotEqualTo(tenants.env(b)
            .get("DB_PASSWORD"));
    }

    @Test
    @Order(2)
    void badInputIsOneLineAndChangesNothing() throws Exception {
        init();
        List<String> before = listing();
        assertRefused(create(a), "exists");
        assertRefused(cli.run("create", "Bad_Slug", "--domain", "x.example.com", "--niche",
            "oficina", "--admin-email", "a@b.com"), "invalid slug");
        assertRefused(cli.run("create", "novo", "--domain", "not a domain", "--niche",
            "oficina", "--admin-email", "a@b.com"), "invalid domain");
        assertRefused(cli.run("create", "novo", "--domain", "novo.example.com", "--niche",
            "padaria", "--admin-email", "a@b.com"), "unknown niche");
        assertRefused(cli.run("create", "novo", "--domain", "novo.example.com", "--niche",
            "oficina", "--admin-email", "a@b.com", "--driver", "vm"), "unknown driver");
        assertRefused(cli.run("create", "novo", "--domain", a + ".example.com.br", "--niche",
            "oficina", "--admin-email", "a@b.com"), "is used by tenant");
        assertRefused(cli.run("status", "nobody"), "no tenant");
        assertThat(cli.run("create", "novo").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aSignedWebhookToALandsOnlyInA() throws Exception {
        init();
        assertThat(tenants.postWebhook(a, LocalTenants.payload("ola oficina A"))).isEqualTo(200);
        assertThat(tenants.count(a, "SELECT COUNT(*) FROM webhook_inbox")).isEqualTo(1);
        assertThat(tenants.count(b, "SELECT COUNT(*) FROM webhook_inbox")).isZero();
    }

    @Test
    @Order(4)
    void aCannotReachBsDatabaseNorBsRedis() throws Exception {
        init();
        assertThatThrownBy(() -> {
            try (Connection c = tenants.connect(a, b)) {
                c.createStatement().executeQuery("SELECT COUNT(*) FROM webhook_inbox");
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("denied");
        try (Jedis jedis = new Jedis("127.0.0.1", tenants.tenant(b).redisPort)) {
            assertThatThrownBy(() -> jedis.auth(tenants.env(a).get("REDIS_PASSWORD")))
                .isInstanceOf(JedisDataException.class);
        }
        try (Jedis jedis = new Jedis("127.0.0.1", tenants.tenant(b).redisPort)) {
            assertThat(jedis.auth(tenants.env(b).get("REDIS_PASSWORD"))).isEqualTo("OK");
        }
    }

    @Test
    @Order(5)
    void aSuspendedTenantAnswers503SoMetaRetries() throws Exception {
        init();
        assertThat(cli.run("suspend", a).exit()).isZero();
        assertThat(tenants.postWebhook(a, LocalTenants.payload("durante suspensao")))
            .isEqualTo(503);
        assertThat(tenants.postWebhook(b, LocalTenants.payload("b segue"))).isEqualTo(200);
        assertThat(cli.run("resume", a).exit()).isZero();
        assertThat(tenants.postWebhook(a, LocalTenants.payload("depois"))).isEqualTo(200);
        assertThat(tenants.count(a, "SELECT COUNT(*) FROM webhook_inbox")).isEqualTo(2);
    }

    @Test
    @Order(6)
    void anUpgradeWhoseMigrationFailsRollsBackByItself() throws Exception {
        init();
        long before = tenants.count(a, "SELECT COUNT(*) FROM webhook_inbox");
        Path broken = BrokenBuild.from(APP_JAR, home.resolve("broken.jar"));
        Cli.Result upgrade = cli.run("upgrade", a, "--version", "1.0.1-broken", "--app-jar",
            broken.toString(), "--skip-backup");
        assertThat(upgrade.exit()).as(upgrade.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(upgrade.err()).contains("rolled back to 1.0.0");
        assertThat(upgrade.out()).contains("Restoring the pre-upgrade snapshot… ok");

        Tenant after = tenants.tenant(a);
        assertThat(after.version).isEqualTo("1.0.0");
        assertThat(cli.run("status", a).exit()).isZero();
        assertThat(tenants.count(a, "SELECT COUNT(*) FROM webhook_inbox")).isEqualTo(before);
        assertThat(tenants.count(a, "SELECT COUNT(*) FROM information_schema.tables WHERE"
            + " table_schema = DATABASE() AND table_name = '" + BrokenBuild.PROBE_TABLE + "'"))
            .as("the failed migration's half-done change is gone").isZero();
        assertThat(tenants.postWebhook(a, LocalTenants.payload("apos rollback")))
            .isEqualTo(200);
    }

    @Test
    @Order(7)
    void destroyKeepsAFinalBackupLeavesBAloneAndRestoreBringsABack() throws Exception {
        init();
        assumeTrue(appHasBackupCommands(), "the app jar has no 'backup' command yet");
        long rows = tenants.count(a, "SELECT COUNT(*) FROM webhook_inbox");
        assertRefused(cli.run("destroy", a), "--yes");
        Cli.Result destroy = cli.run("destroy", a, "--yes");
        assertThat(destroy.exit()).as(destroy.toString()).isZero();
        assertThat(home.resolve(".archive").resolve(a).resolve("backups")).isDirectory();
        assertThat(home.resolve(a)).doesNotExist();
        assertThat(cli.run("status", b).exit()).isZero();
        assertThat(tenants.postWebhook(b, LocalTenants.payload("b intacto"))).isEqualTo(200);

        Cli.Result restore = cli.run("restore", a);
        assertThat(restore.exit()).as(restore.toString()).isZero();
        assertThat(cli.run("status", a).exit()).isZero();
        assertThat(tenants.count(a, "SELECT COUNT(*) FROM webhook_inbox")).isEqualTo(rows);
    }

    private boolean appHasBackupCommands() {
        LocalDriver driver = new LocalDriver(new Registry(home));
        return driver.run(tenants.tenant(b), "1.0.0", List.of("backup", "--help"), null)
            .ok();
    }

    private static void assertRefused(Cli.Result result, String message) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.err().strip()).contains(message).doesNotContain("\n");
    }

    /** The registry and secrets (running tenants keep writing their logs and Redis files). */
    private List<String> listing() throws Exception {
        try (Stream<Path> all = Files.walk(home)) {
            return all.filter(p -> p.getParent().equals(home) || p.endsWith("tenant.json")
                    || p.endsWith(".env") || p.getParent().endsWith("secrets"))
                .map(p -> p + ":" + p.toFile().lastModified()).sorted().toList();
        }
    }

    /** A failed run keeps its home (tenant logs) for a look; a passed one leaves nothing. */
    @RegisterExtension
    final TestWatcher watcher = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    @AfterAll
    void removeTenants() {
        if (home == null) {
            return;
        }
        Registry registry = new Registry(home);
        LocalDriver driver = new LocalDriver(registry);
        for (Tenant t : registry.all()) {
            driver.destroy(t);
        }
        if (failed) {
            System.out.println("LocalDriverIT kept its tenants' files in " + home);
        } else {
            Archive.delete(home);
        }
    }
}
