package com.balcao.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.BearerApi;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signed-in answers are never cached; the request log keeps no secrets or search terms. */
@ExtendWith(DropwizardExtensionsSupport.class)
class NoStoreAndLogRedactionIntegrationTest {
    static final Path LOG = temporaryLog();
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(
        "test-config-request-log.yml", DB);
    static final String PASSWORD = "senha-forte-123";
    static String agent;

    @BeforeAll
    static void people() {
        Seeds seeds = new Seeds(DB);
        agent = TestApp.randomEmail("agent");
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(seeds.department("Loja", "loja")));
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void signedInPagesAndApiAnswersAreNotStored() {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(agent, PASSWORD);
        HttpResponse<String> inbox = browser.get("/inbox");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.headers().firstValue("Cache-Control")).hasValue("no-store");

        BearerApi api = BearerApi.login(APP.getLocalPort(), agent, PASSWORD);
        HttpResponse<String> list = get("/api/v1/conversations", api.token());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void requestLogLeavesOutTheVerifyTokenAndSearchTerms() throws Exception {
        get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token"
            + "&hub.challenge=4242", null);
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(agent, PASSWORD);
        browser.get("/inbox/list?q=pedido-secreto-99&tab=all");

        String log = awaitLogMentioning("/inbox/list");
        assertThat(log).contains("/webhooks/whatsapp").doesNotContain("test-verify-token")
            .doesNotContain("pedido-secreto-99").contains("tab=all");
    }

    private static String awaitLogMentioning(String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String content = "";
        while (System.nanoTime() < deadline) {
            content = Files.exists(LOG) ? Files.readString(LOG) : "";
            if (content.contains(text)) {
                return content;
            }
            Thread.sleep(100);
        }
        return content;
    }

    private static HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
            + APP.getLocalPort() + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where test-config-request-log.yml writes; emptied so only this run is read. */
    private static Path temporaryLog() {
        Path log = Path.of("target", "request-log-test", "requests.log");
        try {
            Files.deleteIfExists(log);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return log;
    }
}
