package com.balcao.app.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Redis;
import com.balcao.app.support.ApiClient;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SseReader;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class RealtimeIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static final Duration WAIT = Duration.ofSeconds(3);
    static long sales;
    static long finance;
    static String salesAgent;
    static String financeAgent;
    static String supervisor;
    static Redis redis;
    static EventBus bus;

    @BeforeAll
    static void setUp() {
        Seeds seeds = new Seeds(DB);
        sales = seeds.department("Comercial", "comercial");
        finance = seeds.department("Financeiro", "financeiro");
        salesAgent = TestApp.randomEmail("sales");
        financeAgent = TestApp.randomEmail("finance");
        supervisor = TestApp.randomEmail("super");
        seeds.person(salesAgent, PASSWORD, Role.AGENT, List.of(sales));
        seeds.person(financeAgent, PASSWORD, Role.AGENT, List.of(finance));
        seeds.person(supervisor, PASSWORD, Role.SUPERVISOR, List.of());
        redis = new Redis(APP.getConfiguration().redis);
        bus = new EventBus(redis, new ObjectMapper());
    }

    @AfterAll
    static void tearDown() {
        redis.stop();
        DB.close();
    }

    private static SseReader stream(String email, String lastEventId) throws Exception {
        String token = new ApiClient(APP.getLocalPort()).login(email, PASSWORD);
        SseReader reader = new SseReader("http://localhost:" + APP.getLocalPort()
            + "/api/v1/events", token, lastEventId);
        assertThat(reader.status()).isEqualTo(200);
        Thread.sleep(200);
        return reader;
    }

    private static String publish(EventType type, long department, String conversation) {
        return bus.publish(Event.of(type, department, null,
            Map.of("conversationId", conversation, "messageId", "m-" + conversation)));
    }

    @Test
    void eachPersonGetsOnlyTheEventsOfTheirDepartments() throws Exception {
        try (SseReader salesStream = stream(salesAgent, null);
             SseReader financeStream = stream(financeAgent, null);
             SseReader supervisorStream = stream(supervisor, null)) {
            publish(EventType.MESSAGE_CREATED, sales, "c-sales");
            publish(EventType.MESSAGE_CREATED, finance, "c-finance");

            List<SseReader.Received> salesSaw = salesStream.drain(WAIT);
            List<SseReader.Received> financeSaw = financeStream.drain(Duration.ofMillis(500));
            List<SseReader.Received> supervisorSaw = supervisorStream.drain(Duration.ofMillis(500));

            assertThat(salesSaw).filteredOn(event -> "message.created".equals(event.name()))
                .extracting(SseReader.Received::data).hasSize(1)
                .allSatisfy(data -> assertThat(data).contains("\"conversationId\":\"c-sales\"")
                    .contains("\"type\":\"message.created\"").contains("\"messageId\""));
            assertThat(financeSaw).filteredOn(event -> "message.created".equals(event.name()))
                .extracting(SseReader.Received::data).hasSize(1)
                .allSatisfy(data -> assertThat(data).contains("c-finance"));
            assertThat(supervisorSaw).filteredOn(event -> "message.created".equals(event.name()))
                .hasSize(2);
        }
    }

    @Test
    void aReconnectingStreamReplaysWhatItMissed() throws Exception {
        String first = publish(EventType.CONVERSATION_UPDATED, sales, "r1");
        publish(EventType.CONVERSATION_UPDATED, finance, "r2-other-department");
        publish(EventType.CONVERSATION_UPDATED, sales, "r3");
        publish(EventType.CONVERSATION_UPDATED, sales, "r4");

        try (SseReader resumed = stream(salesAgent, first)) {
            List<SseReader.Received> replayed = resumed.drain(WAIT);

            assertThat(replayed).extracting(SseReader.Received::data)
                .anySatisfy(data -> assertThat(data).contains("r3"))
                .anySatisfy(data -> assertThat(data).contains("r4"))
                .noneSatisfy(data -> assertThat(data).contains("r1"))
                .noneSatisfy(data -> assertThat(data).contains("r2-other-department"));
            assertThat(replayed.get(0).id()).isNotEqualTo(first);
        }
    }

    @Test
    void streamsNeedAToken() throws Exception {
        try (SseReader anonymous = new SseReader("http://localhost:" + APP.getLocalPort()
            + "/api/v1/events", null, null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }
}
