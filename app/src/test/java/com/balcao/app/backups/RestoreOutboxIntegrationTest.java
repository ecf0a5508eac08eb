package com.balcao.app.backups;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Redis;
import com.balcao.app.support.ApiClient;
import com.balcao.app.support.BearerApi;
import com.balcao.app.support.FakeMetaGraph;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import com.balcao.app.web.Maintenance;
import com.balcao.app.whatsapp.NumberSetup;
import com.balcao.app.whatsapp.WhatsApp;
import com.balcao.backup.BackupEngine;
import com.balcao.backup.BackupTarget;
import com.balcao.backup.CheapKey;
import com.balcao.backup.Database;
import com.balcao.backup.Progress;
import com.balcao.backup.RestoreTarget;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A message waiting in the outbox when the backup was taken may reach the customer after it:
 * a restore, into the same tenant or another stack, shows it as failed instead of sending it
 * again (the stand-in Graph API counts every send).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreOutboxIntegrationTest {
    static final FakeMetaGraph GRAPH = FakeMetaGraph.start();
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final String TENANT = "Loja Centro";
    static final String KEY = "chave do backup";
    static final String CUSTOMER = "5511990000042";
    static final String PASSWORD = "senha-forte-123";
    static final String RESTORED = "Restaurado de backup: não reenviado automaticamente";
    static final Path REPO = temp().resolve("repo");
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        TestApp.setting("simulator.enabled", "true"),
        TestApp.setting("tenant.name", TENANT),
        TestApp.setting("backup.repository", REPO.toString()),
        TestApp.setting("backup.password", KEY),
        TestApp.setting("backup.cron", "0 0 3 1 1 ? 2099"));
    static Seeds seeds;
    static String admin;
    static String agent;
    static String queued;
    static String backupId;

    @BeforeAll
    static void seed() throws Exception {
        CheapKey.create(REPO, KEY);
        seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        admin = TestApp.randomEmail("admin");
        agent = TestApp.randomEmail("agent");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(sales));
        WhatsApp.saveNumber(seeds.jdbi(), APP.getConfiguration().whatsapp, new NumberSetup(
            WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER, "Loja", "waba-1",
            sales, 80, GRAPH.baseUrl(), "test-access-token", WhatsAppFixtures.APP_SECRET, null));
        assertThat(WhatsAppFixtures.postSigned(APP.getLocalPort(), WhatsAppFixtures.textMessages(
            List.<String[]>of(new String[] {"wamid.in1", CUSTOMER, "Meu pedido já saiu?"}),
            Instant.now().getEpochSecond())).statusCode()).isEqualTo(200);
        seeds.awaitInboxDrained(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        APP.after();
        DB.close();
        GRAPH.close();
    }

    @Test
    @Order(1)
    void aMessageQueuedWhenTheBackupWasTakenIsNotSentAgainAfterARestore() throws Exception {
        BearerApi api = BearerApi.login(APP.getLocalPort(), agent, PASSWORD);
        String conversation = api.get("/api/v1/conversations?waId=" + CUSTOMER).json()
            .path("items").path(0).path("id").asText();
        assertThat(api.post("/api/v1/conversations/" + conversation + "/take", Map.of())
            .status()).isEqualTo(200);
        Seeds.await("the read receipt sent", Duration.ofSeconds(30),
            () -> seeds.count("wa_outbox", "state = 'PENDING'") == 0);
        int before = GRAPH.messages();
        Redis redis = new Redis(APP.getConfiguration().redis);
        Maintenance paused = new Maintenance(redis);
        try {
            // the workers pause, so the message is still queued when the backup is taken
            paused.begin("test", Duration.ofMinutes(2));
            Thread.sleep(Maintenance.CACHE.multipliedBy(4).toMillis());
            queued = send(api, conversation, "Saiu para entrega hoje 🚚");
            ApiClient admins = new ApiClient(APP.getLocalPort());
            ApiClient.Reply backup = admins.post("/api/v1/backups", "",
                admins.login(admin, PASSWORD));
            assertThat(backup.status()).as(backup.json().toString()).isEqualTo(200);
            backupId = backup.text("id");
            assertThat(GRAPH.messages()).isEqualTo(before);
        } finally {
            paused.end();
            redis.stop();
        }
        Seeds.await("the queued message sent", Duration.ofSeconds(30),
            () -> GRAPH.messages() == before + 1);
        seeds.department("Criado depois do backup", "depois");

        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        browser.get("/admin/backups");
        assertThat(browser.post("/admin/backups/" + backupId + "/restore",
            Map.of("confirm", TENANT)).statusCode()).isEqualTo(303);
        Seeds.await("the restore", Duration.ofSeconds(120),
            () -> seeds.count("departments", "slug = 'depois'") == 0);
        // messages to one person leave in order: a later one goes only after the queued one
        String later = send(api, conversation, "Chegou tudo certo?");
        Seeds.await("the later message sent", Duration.ofSeconds(30),
            () -> "accepted".equals(message(api, conversation, later).path("status").asText()));

        assertThat(GRAPH.messages() - before).as("messages sent to WhatsApp").isEqualTo(2);
        JsonNode restored = message(api, conversation, queued);
        assertThat(restored.path("status").asText()).isEqualTo("failed");
        assertThat(restored.path("error").path("title").asText()).isEqualTo(RESTORED);
        assertThat(seeds.count("wa_outbox", "state = 'PENDING'")).isZero();
    }

    @Test
    @Order(2)
    void theSameBackupRestoredIntoAnotherStackSendsNothingEither() throws Exception {
        try (TestDatabase other = TestDatabase.createEmpty()) {
            BackupEngine engine = new BackupEngine(BackupTarget.local(REPO, KEY),
                temp().resolve("work"));
            Database target = new Database(TestDatabase.host(), TestDatabase.port(),
                TestDatabase.USER, TestDatabase.PASSWORD, other.name());

            engine.restore(backupId, RestoreTarget.of(target, temp().resolve("media")),
                Progress.NONE);

            Seeds there = new Seeds(other);
            assertThat(there.count("wa_outbox", "state = 'PENDING'")).isZero();
            assertThat(there.count("wa_outbox", "state = 'FAILED' AND last_error = '"
                + RESTORED + "'")).isEqualTo(1);
            assertThat(there.count("messages", "status = 'failed' AND body LIKE 'Saiu para%' "
                + "AND error_title = '" + RESTORED + "'")).isEqualTo(1);
        }
    }

    private static String send(BearerApi api, String conversation, String text) {
        BearerApi.Answer answer = api.post("/api/v1/conversations/" + conversation
            + "/messages", Map.of("type", "text", "text", text));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asText();
    }

    private static JsonNode message(BearerApi api, String conversation, String id) {
        for (JsonNode item : api.get("/api/v1/conversations/" + conversation + "/messages")
            .json().path("items")) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        throw new AssertionError("no message " + id);
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("balcao-restore");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
