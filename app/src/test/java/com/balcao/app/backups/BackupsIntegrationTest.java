package com.balcao.app.backups;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.ApiClient;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import com.balcao.backup.CheapKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backups through the app: the API, the health check, the admin page, a restore while Meta
 * keeps delivering, and the alerts of a failing run (GreenMail as the SMTP server).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupsIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final Path REPO = temp("balcao-repo");
    static final int SMTP_PORT = freePort();
    static final GreenMail MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
    static final String TENANT = "Ótica Visão";
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        TestApp.setting("tenant.name", TENANT),
        TestApp.setting("backup.repository", REPO.toString()),
        TestApp.setting("backup.password", "chave do backup ✓"),
        TestApp.setting("backup.cron", "0 0 3 1 1 ? 2099"),
        TestApp.setting("backup.smtpHost", "127.0.0.1"),
        TestApp.setting("backup.smtpPort", String.valueOf(SMTP_PORT)),
        TestApp.setting("backup.smtpStartTls", "false"),
        TestApp.setting("backup.alertEmail", "ops@otica.test"));
    static final String PASSWORD = "senha-forte-123";
    static Seeds seeds;
    static String admin;
    static ApiClient api;
    static String token;

    @BeforeAll
    static void seed() throws Exception {
        CheapKey.create(REPO, "chave do backup ✓");
        MAIL.start();
        seeds = new Seeds(DB);
        admin = TestApp.randomEmail("admin");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        long sales = seeds.department("Comercial", "comercial");
        seeds.whatsAppNumber(WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER,
            sales, null);
        api = new ApiClient(APP.getLocalPort());
        token = api.login(admin, PASSWORD);
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
        APP.after();
        DB.close();
    }

    @Test
    @Order(0)
    void aTenantInstalledTodayIsHealthyUntilItsFirstBackupIsDue() {
        JsonNode health = health();
        assertThat(health.path("backup").path("healthy").asBoolean()).isTrue();
        assertThat(health.path("backup").path("message").asText())
            .startsWith("no backup yet; first one due at ");
        Instant due = Instant.parse(health.path("backup").path("message").asText()
            .replace("no backup yet; first one due at ", ""));
        assertThat(due).isBetween(Instant.now().plus(Duration.ofHours(25)),
            Instant.now().plus(Duration.ofHours(26)));

        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        assertThat(browser.get("/admin/backups/banner").body())
            .doesNotContain("Não há backup verificado");
    }

    @Test
    @Order(1)
    void withoutAVerifiedBackupTheHealthCheckAndTheBannerComplain() {
        // The tenant was installed (first migrated) 27 hours ago and never backed up.
        seeds.jdbi().useHandle(h -> h.execute("UPDATE DATABASECHANGELOG "
            + "SET DATEEXECUTED = DATEEXECUTED - INTERVAL 27 HOUR"));
        JsonNode health = health();
        assertThat(health.path("backup").path("healthy").asBoolean()).isFalse();
        assertThat(health.path("backup").path("message").asText())
            .contains("no verified backup in the last 26 hours");

        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        assertThat(browser.get("/admin/backups/banner").body())
            .contains("Não há backup verificado");
        assertThat(browser.get("/admin/backups").body()).contains("Fazer backup agora")
            .contains("Nenhum backup ainda");
    }

    @Test
    @Order(2)
    void adminsRunAndVerifyBackupsThroughTheApi() {
        assertThat(api.get("/api/v1/backups", token).json().get("items")).isEmpty();

        ApiClient.Reply run = api.post("/api/v1/backups", "", token);
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.text("status")).isEqualTo("SUCCEEDED");
        assertThat(run.json().get("sizeBytes").asLong()).isPositive();
        assertThat(run.json().get("addedBytes").asLong()).isPositive();
        assertThat(run.json().get("verified").asBoolean()).isFalse();
        assertThat(run.text("finishedAt")).isNotBlank();
        String id = run.text("id");

        ApiClient.Reply verified = api.post("/api/v1/backups/" + id + "/verify", "", token);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("verified").asBoolean()).isTrue();

        JsonNode items = api.get("/api/v1/backups", token).json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("id").asText()).isEqualTo(id);
        assertThat(items.get(0).get("verified").asBoolean()).isTrue();
        assertThat(health().path("backup").path("healthy").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/backups/nope/verify", "", token).status()).isEqualTo(404);

        String agent = TestApp.randomEmail("agent");
        seeds.person(agent, PASSWORD, Role.AGENT, List.of());
        assertThat(api.get("/api/v1/backups", api.login(agent, PASSWORD)).status())
            .isEqualTo(403);
    }

    @Test
    @Order(3)
    void thePageListsBackupsAndARestoreNeedsTheTenantsName() {
        String id = api.get("/api/v1/backups", token).json().get("items").get(0).get("id")
            .asText();
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        String page = browser.get("/admin/backups").body();
        assertThat(page).contains(id).contains("Concluído").contains("✓").contains("Restaurar");
        assertThat(browser.get("/admin/backups/banner").body()).doesNotContain("alert");

        HttpResponse<String> wrong = browser.post("/admin/backups/" + id + "/restore",
            Map.of("confirm", "Otica Visao"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("O nome digitado não confere")
            .contains(TENANT);
    }

    @Test
    @Order(4)
    void aWebhookDuringARestoreGets503AndIsStoredWhenMetaRetries() {
        int port = APP.getLocalPort();
        assertThat(post("wamid.BEFORE", "antes do backup 😀").statusCode()).isEqualTo(200);
        seeds.awaitInboxDrained(Duration.ofSeconds(20));
        String id = api.post("/api/v1/backups", "", token).text("id");
        assertThat(post("wamid.AFTER", "depois do backup").statusCode()).isEqualTo(200);
        seeds.awaitInboxDrained(Duration.ofSeconds(20));
        assertThat(messages("wamid.AFTER")).isEqualTo(1);

        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        browser.get("/admin/backups");
        assertThat(browser.post("/admin/backups/" + id + "/restore", Map.of("confirm", TENANT))
            .statusCode()).isEqualTo(303);

        // Meta delivers new messages; the first one answered 503 is retried until accepted
        String refused = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; refused == null && System.nanoTime() < deadline; i++) {
            HttpResponse<String> reply = post("wamid.DURING" + i, "durante a restauração");
            if (reply.statusCode() == 503) {
                assertThat(reply.headers().firstValue("Retry-After")).isPresent();
                refused = "wamid.DURING" + i;
            }
        }
        assertThat(refused).as("a webhook answered 503 during the restore").isNotNull();
        String retried = refused;
        Seeds.await("Meta's retry accepted", Duration.ofSeconds(120),
            () -> post(retried, "durante a restauração").statusCode() == 200);
        seeds.awaitInboxDrained(Duration.ofSeconds(30));

        Seeds.await("the retried message stored", Duration.ofSeconds(20),
            () -> messages(retried) == 1);
        assertThat(messages("wamid.BEFORE")).isEqualTo(1);
        assertThat(messages("wamid.AFTER")).isZero();
        assertThat(seeds.count("backup_runs", "backup_id = '" + id + "'")).isEqualTo(1);
        assertThat(post("wamid.LATER", "e depois").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void aFailingRunIsRecordedMailedAndMakesTheHealthCheckUnhealthy() throws Exception {
        try (Stream<Path> keys = Files.list(REPO.resolve("keys"))) {
            for (Path key : keys.toList()) {
                Files.delete(key);
            }
        }

        ApiClient.Reply failed = api.post("/api/v1/backups", "", token);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.text("code")).isEqualTo("backup_wrong_key");
        assertThat(failed.text("message")).contains("backup key does not open the repository");
        JsonNode health = health();
        assertThat(health.path("backup").path("healthy").asBoolean()).isFalse();
        assertThat(health.path("backup").path("message").asText())
            .contains("the last backup failed");
        assertThat(api.get("/api/v1/backups", token).json().get("items").get(0).get("status")
            .asText()).isEqualTo("FAILED");
        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@otica.test");
        assertThat(mail.getSubject()).contains(TENANT).contains("Falha no backup");
        assertThat((String) mail.getContent()).contains("backup key does not open");
    }

    private static HttpResponse<String> post(String wamid, String text) {
        return WhatsAppFixtures.postSigned(APP.getLocalPort(), WhatsAppFixtures.textMessages(
            List.<String[]>of(new String[] {wamid, "5511987654321", text}),
            System.currentTimeMillis() / 1000));
    }

    private static long messages(String wamid) {
        return seeds.count("messages", "wa_message_id = '" + wamid + "'");
    }

    private static JsonNode health() {
        return new ApiClient(APP.getAdminPort()).get("/healthcheck", null).json();
    }

    private static Path temp(String prefix) {
        try {
            return Files.createTempDirectory(prefix).resolve("repo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
