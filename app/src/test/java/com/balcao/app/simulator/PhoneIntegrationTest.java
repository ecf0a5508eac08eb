package com.balcao.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.BearerApi;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SimulatorControl;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import com.balcao.app.whatsapp.NumberSetup;
import com.balcao.app.whatsapp.WhatsApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's journey: a person types on the simulator's customer phone, the message travels
 * as a signed webhook to the real endpoint, and shows up in the REST API; the agent's answer
 * comes back to the phone with its ticks; pictures go both ways.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PhoneIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static final String PASSWORD = "senha-forte-123";
    static String agent;
    static String admin;

    @BeforeAll
    static void seed() {
        Seeds seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        agent = TestApp.randomEmail("agent");
        admin = TestApp.randomEmail("admin");
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(sales));
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        WhatsApp.saveNumber(seeds.jdbi(), APP.getConfiguration().whatsapp, new NumberSetup(
            WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER, "Loja Demo",
            WhatsAppFixtures.WABA_ID, sales, 80, "http://127.0.0.1:" + APP.getLocalPort()
            + "/simulator/api/graph", "demo-access-token", "phone-test-secret-123", null));
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    void aMessageTypedOnThePhoneAppearsInTheRestApiAndTheAnswerReachesThePhone() {
        SimulatorControl phone = SimulatorControl.signIn(APP.getLocalPort(), agent, PASSWORD);
        BearerApi api = BearerApi.login(APP.getLocalPort(), agent, PASSWORD);

        JsonNode typed = phone.type("5511987654321", "Márcia Lima", "Vocês têm a capinha azul? 💙");
        Seeds.await("the conversation in the API", Duration.ofSeconds(15), () -> api.get(
            "/api/v1/conversations?waId=5511987654321").json().path("items").size() == 1);
        JsonNode conversation = api.get("/api/v1/conversations?waId=5511987654321").json()
            .path("items").path(0);
        String id = conversation.path("id").asText();
        JsonNode message = api.get("/api/v1/conversations/" + id + "/messages").json()
            .path("items").path(0);

        assertThat(typed.path("webhookStatus").asInt()).isEqualTo(200);
        assertThat(conversation.path("contact").path("name").asText()).isEqualTo("Márcia Lima");
        assertThat(conversation.path("windowOpen").asBoolean()).isTrue();
        assertThat(message.path("text").asText()).isEqualTo("Vocês têm a capinha azul? 💙");
        assertThat(message.path("waMessageId").asText())
            .isEqualTo(typed.path("wamid").asText());

        assertThat(api.post("/api/v1/conversations/" + id + "/take", Map.of()).status())
            .isEqualTo(200);
        BearerApi.Answer reply = api.post("/api/v1/conversations/" + id + "/messages",
            Map.of("type", "text", "text", "Temos sim! Quer que eu separe?"));
        assertThat(reply.status()).isEqualTo(201);
        Seeds.await("the answer read on the phone", Duration.ofSeconds(15), () -> {
            JsonNode chat = phone.chat("5511987654321");
            JsonNode last = chat.path(chat.size() - 1);
            return "business".equals(last.path("side").asText())
                && "read".equals(last.path("status").asText());
        });
        JsonNode chat = phone.chat("5511987654321");
        assertThat(chat.path(chat.size() - 1).path("text").asText())
            .isEqualTo("Temos sim! Quer que eu separe?");
        assertThat(api.post("/api/v1/conversations/" + id + "/read", Map.of()).status())
            .isEqualTo(202);
        try {
            Seeds.await("the read receipt sent", Duration.ofSeconds(40), () -> new Seeds(DB)
                .count("wa_outbox", "kind = 'read' AND state = 'SENT' AND body LIKE '%"
                    + typed.path("wamid").asText() + "%'") >= 1);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; outbox: " + new Seeds(DB).jdbi()
                .withHandle(handle -> handle.createQuery("SELECT CONCAT(id, ' ', kind, ' ', "
                    + "state, ' ', recipient, ' ', attempts, ' ', next_attempt_at, ' ', "
                    + "COALESCE(last_error, '')) FROM wa_outbox ORDER BY id")
                    .mapTo(String.class).list()), e);
        }
    }

    @Test
    void aMissingCsrfTokenOrAnAnonymousCallerCannotTypeOnThePhone() throws Exception {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(agent, PASSWORD);
        HttpResponse<String> noToken = browser.send(HttpRequest.newBuilder(URI.create(
                browser.base() + "/simulator/api/phone/messages"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"customer\":\"5511900000000\","
                + "\"text\":\"oi\"}")).build());
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(browser.base() + "/simulator/phone")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(303);
    }

    @Test
    void aPictureFromTheCustomerIsDownloadedCheckedAndServedToTheAgent() throws Exception {
        SimulatorControl phone = SimulatorControl.signIn(APP.getLocalPort(), agent, PASSWORD);
        BearerApi api = BearerApi.login(APP.getLocalPort(), agent, PASSWORD);

        phone.sendPicture("5511912345678", "Olha o defeito");
        Seeds.await("the picture downloaded", Duration.ofSeconds(20), () -> {
            JsonNode items = api.get("/api/v1/conversations?waId=5511912345678").json()
                .path("items");
            return items.size() == 1 && "STORED".equals(api.get("/api/v1/conversations/"
                + items.path(0).path("id").asText() + "/messages").json().path("items").path(0)
                .path("media").path("state").asText());
        });
        String id = api.get("/api/v1/conversations?waId=5511912345678").json().path("items")
            .path(0).path("id").asText();
        JsonNode message = api.get("/api/v1/conversations/" + id + "/messages").json()
            .path("items").path(0);
        HttpResponse<byte[]> file = download(api, message.path("media").path("url").asText(),
            agent);

        assertThat(message.path("caption").asText()).isEqualTo("Olha o defeito");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(new String(file.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(download(api, message.path("media").path("url").asText(), admin).statusCode())
            .isEqualTo(200);
    }

    private static HttpResponse<byte[]> download(BearerApi ignored, String path, String email)
        throws IOException, InterruptedException {
        String token = BearerApi.login(APP.getLocalPort(), email, PASSWORD).token();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + APP.getLocalPort() + path))
            .header("Authorization", "Bearer " + token).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }
}
