package com.balcao.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import com.balcao.app.whatsapp.NumberSetup;
import com.balcao.app.whatsapp.WhatsApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Even in a demo, the simulator's controls are for admins and its fake Graph API for us. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SimulatorHardeningIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"),
        TestApp.setting("simulator.maxMediaFiles", "2"));
    static final String PASSWORD = "senha-forte-123";
    static final String TOKEN = "sim-access-token-1234";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String agent;

    @BeforeAll
    static void seed() {
        Seeds seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        agent = TestApp.randomEmail("agent");
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(sales));
        WhatsApp.saveNumber(seeds.jdbi(), APP.getConfiguration().whatsapp, new NumberSetup(
            WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER, "Loja", "waba-1",
            sales, 80, "http://127.0.0.1:" + APP.getLocalPort() + "/simulator/api/graph", TOKEN,
            WhatsAppFixtures.APP_SECRET, null));
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    void failureInjectionAndStatsAreForAdminsOnly() {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(agent, PASSWORD);

        assertThat(browser.get("/simulator/api/stats").statusCode()).isEqualTo(403);
    }

    @Test
    void theFakeGraphApiWantsTheConfiguredAccessToken() throws Exception {
        String body = "{\"messaging_product\":\"whatsapp\",\"to\":\"5511990000001\","
            + "\"type\":\"text\",\"text\":{\"body\":\"Oi\"}}";

        HttpResponse<String> wrong = HTTP.send(graph("/v23.0/"
                + WhatsAppFixtures.PHONE_NUMBER_ID + "/messages", "any-token")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("190");
    }

    @Test
    void storedFakeMediaIsCapped() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(upload(("arquivo " + i).getBytes()));
        }

        assertThat(file(ids.get(0)).statusCode()).isEqualTo(404);
        assertThat(file(ids.get(2)).statusCode()).isEqualTo(200);
    }

    private static String upload(byte[] content) throws Exception {
        String boundary = "b" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
            + "filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n" + new String(content)
            + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> answer = HTTP.send(graph("/v23.0/"
                + WhatsAppFixtures.PHONE_NUMBER_ID + "/media", TOKEN)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> file(String id) throws Exception {
        return HTTP.send(graph("/files/" + id, TOKEN).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder graph(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort()
            + "/simulator/api/graph" + path)).header("Authorization", "Bearer " + token);
    }
}
