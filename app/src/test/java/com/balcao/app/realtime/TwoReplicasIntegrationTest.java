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
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two app replicas of one tenant, sharing its database and Redis: what happens on one reaches
 * the streams and boards served by the other.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwoReplicasIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> FIRST = TestApp.extension(DB);
    static final DropwizardTestSupport<AppConfig> SECOND = TestApp.support(DB);
    static final String PASSWORD = "senha-forte-123";
    static final Duration WAIT = Duration.ofSeconds(10);
    static Seeds seeds;
    static String agent;
    static String supervisor;

    @BeforeAll
    static void start() throws Exception {
        seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        seeds.whatsAppNumber(WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER,
            sales, null);
        agent = TestApp.randomEmail("agent");
        supervisor = TestApp.randomEmail("super");
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(sales));
        seeds.person(supervisor, PASSWORD, Role.SUPERVISOR, List.of());
        SECOND.before();
    }

    @AfterAll
    static void stop() {
        SECOND.after();
        FIRST.after();
        DB.close();
    }

    private static SseReader stream(int port, String token) throws Exception {
        SseReader reader = new SseReader("http://localhost:" + port + "/api/v1/events", token,
            null);
        assertThat(reader.status()).isEqualTo(200);
        Thread.sleep(300);
        return reader;
    }

    /** Waits for an event of that type on the stream, keeping what arrived. */
    private static String await(SseReader reader, List<SseReader.Received> seen, String type)
        throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (SseReader.Received event : seen) {
                if (type.equals(event.name())) {
                    return event.data();
                }
            }
            SseReader.Received next = reader.next(Duration.ofMillis(100));
            if (next != null) {
                seen.add(next);
            }
        }
        throw new AssertionError("no " + type + " event; saw " + seen);
    }

    @Test
    void whatHappensOnOneReplicaReachesThePeopleConnectedToTheOther() throws Exception {
        int first = FIRST.getLocalPort();
        int second = SECOND.getLocalPort();
        String onSecond = new ApiClient(second).login(agent, PASSWORD);
        String onFirst = new ApiClient(first).login(agent, PASSWORD);
        try (SseReader secondStream = stream(second, onSecond);
             SseReader firstStream = stream(first, onFirst)) {
            List<SseReader.Received> secondSaw = new ArrayList<>();
            List<SseReader.Received> firstSaw = new ArrayList<>();

            assertThat(WhatsAppFixtures.postSigned(first, WhatsAppFixtures.textMessages(
                List.<String[]>of(new String[] {"wamid.replicas1", "5511955509001",
                    "Oi, tem horário hoje?"}), Instant.now().getEpochSecond())).statusCode())
                .isEqualTo(200);
            String created = await(secondStream, secondSaw, "conversation.created");
            await(secondStream, secondSaw, "message.created");
            String conversation = seeds.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT c.public_id FROM conversations c JOIN contacts ct ON ct.id = c.contact_id "
                    + "WHERE ct.wa_id = '5511955509001'").mapTo(String.class).one());
            assertThat(created).contains(conversation);

            ApiClient.Reply taken = new ApiClient(second).post("/api/v1/conversations/"
                + conversation + "/take", "{}", onSecond);
            assertThat(taken.status()).isEqualTo(200);
            assertThat(await(firstStream, firstSaw, "conversation.assigned"))
                .contains(conversation);

            PanelBrowser board = new PanelBrowser(first);
            board.login(supervisor, PASSWORD);
            assertThat(board.get("/supervision/board").body())
                .as("the agent streaming from the other replica shows online")
                .contains("<span class=\"presence online\">");
        }
    }
}
