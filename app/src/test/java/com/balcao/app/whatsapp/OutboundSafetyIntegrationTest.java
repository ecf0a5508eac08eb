package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.BearerApi;
import com.balcao.app.support.FakeMetaGraph;
import com.balcao.app.support.MultipartUpload;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What leaves for WhatsApp, against a stand-in Graph API that records every call: each
 * message exactly once even when a sender stalls past its lease, only files uploaded in the
 * conversation by the sender, nothing through a deactivated number, and uploads never sent
 * cleaned up after a day.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OutboundSafetyIntegrationTest {
    static final FakeMetaGraph GRAPH = FakeMetaGraph.start();
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"),
        TestApp.setting("whatsapp.sendLeaseSeconds", "1"));
    static final String PASSWORD = "senha-forte-123";
    static final String OTHER_NUMBER = "200000000000077";
    static final String OTHER_SECRET = "other-number-secret-0042";
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};
    static String agent;
    static String colleague;
    static String admin;
    static long otherNumberId;
    static Seeds seeds;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        agent = TestApp.randomEmail("agent");
        colleague = TestApp.randomEmail("colleague");
        admin = TestApp.randomEmail("admin");
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(sales));
        seeds.person(colleague, PASSWORD, Role.AGENT, List.of(sales));
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        AppConfig config = APP.getConfiguration();
        WhatsApp.saveNumber(seeds.jdbi(), config.whatsapp, new NumberSetup(
            WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER, "Loja", "waba-1",
            sales, 80, GRAPH.baseUrl(), "test-access-token", WhatsAppFixtures.APP_SECRET, null));
        otherNumberId = WhatsApp.saveNumber(seeds.jdbi(), config.whatsapp, new NumberSetup(
            OTHER_NUMBER, "15550100077", "Filial", "waba-1", sales, 80, GRAPH.baseUrl(),
            "other-access-token", OTHER_SECRET, null));
        long now = Instant.now().getEpochSecond();
        assertThat(WhatsAppFixtures.postSigned(APP.getLocalPort(), WhatsAppFixtures.textMessages(
            List.of(new String[] {"wamid.c1", "5511990000001", "Oi"},
                new String[] {"wamid.c2", "5511990000002", "Oi"},
                new String[] {"wamid.c4", "5511990000004", "Oi"},
                new String[] {"wamid.c5", "5511990000005", "Oi"}), now)).statusCode())
            .isEqualTo(200);
        assertThat(postToOtherNumber("wamid.c3", "5511990000003").statusCode()).isEqualTo(200);
        seeds.awaitInboxDrained(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        APP.after();
        DB.close();
        GRAPH.close();
    }

    static HttpResponse<String> postToOtherNumber(String wamid, String from) {
        byte[] body = new String(WhatsAppFixtures.textMessages(List.<String[]>of(
                new String[] {wamid, from, "Oi"}), Instant.now().getEpochSecond()),
            StandardCharsets.UTF_8).replace(WhatsAppFixtures.PHONE_NUMBER_ID, OTHER_NUMBER)
            .getBytes(StandardCharsets.UTF_8);
        return WhatsAppFixtures.post(APP.getLocalPort(), body,
            WhatsAppFixtures.sign(body, OTHER_SECRET));
    }

    static BearerApi api(String email) {
        return BearerApi.login(APP.getLocalPort(), email, PASSWORD);
    }

    /** The conversation of a customer, taken by the caller. */
    static String held(BearerApi api, String customer) {
        String id = api.get("/api/v1/conversations?waId=" + customer).json().path("items")
            .path(0).path("id").asText();
        assertThat(api.post("/api/v1/conversations/" + id + "/take", Map.of()).status())
            .isEqualTo(200);
        return id;
    }

    static String upload(BearerApi api, String conversation, String name) {
        HttpResponse<String> answer = MultipartUpload.post(APP.getLocalPort(),
            "/api/v1/conversations/" + conversation + "/media", api.token(), name, "image/jpeg",
            JPEG);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return answer.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    static BearerApi.Answer sendImage(BearerApi api, String conversation, String media) {
        return api.post("/api/v1/conversations/" + conversation + "/messages",
            Map.of("type", "image", "media", Map.of("id", media)));
    }

    static long messagesVia(String phoneNumberId) {
        return GRAPH.received().stream()
            .filter(call -> call.path().endsWith("/" + phoneNumberId + "/messages")).count();
    }

    @Test
    void aSenderStalledPastItsLeaseDoesNotSendTheMessageAgain() throws Exception {
        BearerApi api = api(agent);
        String conversation = held(api, "5511990000001");
        String media = upload(api, conversation, "foto.jpg");
        long before = messagesVia(WhatsAppFixtures.PHONE_NUMBER_ID);
        GRAPH.stallNextUpload(Duration.ofSeconds(4));

        assertThat(sendImage(api, conversation, media).status()).isEqualTo(201);
        Seeds.await("the image to reach the Graph API", Duration.ofSeconds(20),
            () -> messagesVia(WhatsAppFixtures.PHONE_NUMBER_ID) > before);
        Thread.sleep(6000);

        assertThat(messagesVia(WhatsAppFixtures.PHONE_NUMBER_ID) - before).isEqualTo(1);
    }

    @Test
    void anUploadIsSentOnlyInItsConversationByWhoUploadedIt() {
        BearerApi api = api(agent);
        BearerApi other = api(colleague);
        String first = held(api, "5511990000001");
        String fourth = held(api, "5511990000004");
        String second = held(other, "5511990000002");
        String media = upload(api, first, "contrato.jpg");

        BearerApi.Answer elsewhere = sendImage(api, fourth, media);
        BearerApi.Answer byColleague = sendImage(other, second, media);

        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(422);
        assertThat(elsewhere.json().path("code").asText()).isEqualTo("invalid_media");
        assertThat(byColleague.status()).as(byColleague.body()).isEqualTo(422);
        assertThat(sendImage(api, first, media).status()).isEqualTo(201);
    }

    @Test
    void apiSendsNeedTheConversationInTheCallersHands() {
        BearerApi api = api(agent);
        String id = api.get("/api/v1/conversations?waId=5511990000005").json().path("items")
            .path(0).path("id").asText();
        Map<String, String> text = Map.of("type", "text", "text", "Posso ajudar?");

        BearerApi.Answer unheld = api.post("/api/v1/conversations/" + id + "/messages", text);
        held(api(colleague), "5511990000005");
        BearerApi.Answer colleagues = api.post("/api/v1/conversations/" + id + "/messages", text);

        assertThat(unheld.status()).as(unheld.body()).isEqualTo(409);
        assertThat(colleagues.status()).as(colleagues.body()).isEqualTo(409);
        assertThat(seeds.count("messages", "direction = 'outbound' AND body = 'Posso ajudar?'"))
            .isZero();
    }

    @Test
    void aDeactivatedNumberRefusesWebhooksAndSends() {
        BearerApi api = api(agent);
        String conversation = held(api, "5511990000003");
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        browser.get("/admin/whatsapp/numbers");
        assertThat(browser.post("/admin/whatsapp/numbers/" + otherNumberId + "/active",
            Map.of("active", "false")).statusCode()).isEqualTo(303);
        long before = messagesVia(OTHER_NUMBER);

        HttpResponse<String> webhook = postToOtherNumber("wamid.c3b", "5511990000003");
        BearerApi.Answer send = api.post("/api/v1/conversations/" + conversation + "/messages",
            Map.of("type", "text", "text", "Ainda aí?"));

        assertThat(webhook.statusCode()).isEqualTo(401);
        assertThat(send.status()).as(send.body()).isEqualTo(409);
        assertThat(send.json().path("code").asText()).isEqualTo("number_inactive");
        Seeds.await("the outbox to settle", Duration.ofSeconds(5),
            () -> seeds.count("wa_outbox", "state = 'PENDING'") == 0);
        assertThat(messagesVia(OTHER_NUMBER)).isEqualTo(before);
    }

    @Test
    void uploadsNeverSentAreDeletedAfterADay() throws Exception {
        BearerApi api = api(agent);
        String conversation = held(api, "5511990000004");
        String sent = upload(api, conversation, "enviada.jpg");
        String forgotten = upload(api, conversation, "esquecida.jpg");
        assertThat(sendImage(api, conversation, sent).status()).isEqualTo(201);
        Path root = Path.of(APP.getConfiguration().tenant.dataDir).resolve("media");
        Path forgottenFile = root.resolve(storagePath(forgotten));
        assertThat(forgottenFile).exists();
        MediaFiles media = new MediaFiles(seeds.jdbi(), root, () -> { },
            Clock.offset(Clock.systemUTC(), Duration.ofHours(25)));

        int deleted = media.deleteUnsentUploads(Duration.ofHours(24));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(forgottenFile).doesNotExist();
        assertThat(seeds.count("wa_media", "public_id = '" + forgotten + "'")).isZero();
        assertThat(root.resolve(storagePath(sent))).exists();
        assertThat(Files.exists(root)).isTrue();
    }

    static String storagePath(String publicId) {
        return seeds.jdbi().withHandle(handle -> handle.createQuery("SELECT storage_path FROM "
            + "wa_media WHERE public_id = :id").bind("id", publicId).mapTo(String.class).one());
    }
}
