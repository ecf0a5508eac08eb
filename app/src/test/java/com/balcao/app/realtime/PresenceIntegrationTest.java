package com.balcao.app.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.ApiClient;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SseReader;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class PresenceIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    private static SseReader stream(String email) throws Exception {
        String token = new ApiClient(APP.getLocalPort()).login(email, PASSWORD);
        SseReader reader = new SseReader("http://localhost:" + APP.getLocalPort()
            + "/api/v1/events", token, null);
        assertThat(reader.status()).isEqualTo(200);
        return reader;
    }

    @Test
    void supervisorsSeeAgentsComeOnlineAndGoAway() throws Exception {
        Seeds seeds = new Seeds(DB);
        String supervisor = TestApp.randomEmail("super");
        String agent = TestApp.randomEmail("agent");
        seeds.person(supervisor, PASSWORD, Role.SUPERVISOR, List.of());
        long agentId = seeds.person(agent, PASSWORD, Role.AGENT, List.of());
        try (SseReader watching = stream(supervisor)) {
            Thread.sleep(300);
            watching.drain(Duration.ofMillis(300));
            try (SseReader agentStream = stream(agent)) {
                List<SseReader.Received> online = watching.drain(Duration.ofSeconds(2));
                assertThat(online).extracting(SseReader.Received::data).anySatisfy(data ->
                    assertThat(data).contains("\"userId\":" + agentId)
                        .contains("\"state\":\"ONLINE\""));

                PanelBrowser panel = new PanelBrowser(APP.getLocalPort());
                panel.login(agent, PASSWORD);
                panel.get("/");
                assertThat(panel.post("/presence/away", Map.of("away", "true")).statusCode())
                    .isEqualTo(204);

                List<SseReader.Received> away = watching.drain(Duration.ofSeconds(2));
                assertThat(away).extracting(SseReader.Received::data).anySatisfy(data ->
                    assertThat(data).contains("\"userId\":" + agentId)
                        .contains("\"state\":\"AWAY\""));
                assertThat(agentStream.drain(Duration.ofMillis(300)))
                    .as("agents are not told about presence")
                    .noneMatch(event -> "presence.changed".equals(event.name()));
            }
        }
    }

    @Test
    void aPersonChoosesBusyAndStaysSoWhileWorkingUntilChoosingOnlineAgain() throws Exception {
        Seeds seeds = new Seeds(DB);
        String supervisor = TestApp.randomEmail("super");
        String agent = TestApp.randomEmail("agent");
        seeds.person(supervisor, PASSWORD, Role.SUPERVISOR, List.of());
        long agentId = seeds.person(agent, PASSWORD, Role.AGENT, List.of());
        try (SseReader watching = stream(supervisor); SseReader agentStream = stream(agent)) {
            PanelBrowser panel = new PanelBrowser(APP.getLocalPort());
            panel.login(agent, PASSWORD);
            panel.get("/");
            assertThat(panel.get("/presence/status").body())
                .contains("<option value=\"ONLINE\" selected>Online</option>")
                .contains("<option value=\"BUSY\">Ocupado</option>");

            assertThat(panel.post("/presence/status", Map.of("state", "BUSY")).body())
                .contains("<option value=\"BUSY\" selected>Ocupado</option>");
            assertThat(panel.post("/presence/activity", Map.of()).statusCode()).isEqualTo(204);
            PanelBrowser board = new PanelBrowser(APP.getLocalPort());
            board.login(supervisor, PASSWORD);
            assertThat(board.get("/supervision/board").body()).as("typing keeps one busy")
                .contains("<span class=\"presence busy\">Ocupado</span>");
            assertThat(watching.drain(Duration.ofSeconds(2))).extracting(SseReader.Received::data)
                .anySatisfy(data -> assertThat(data).contains("\"userId\":" + agentId)
                    .contains("\"state\":\"BUSY\""));

            assertThat(panel.post("/presence/status", Map.of("state", "OFFLINE")).statusCode())
                .as("offline is not chosen, it is having no panel open").isEqualTo(422);
            panel.post("/presence/status", Map.of("state", "ONLINE"));
            assertThat(board.get("/supervision/board").body()).as("back online")
                .doesNotContain("presence busy");
        }
    }
}
