package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.WhatsAppConfig;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox worker on the real database: statuses of several rows go in one batch. */
class WebhookProcessorTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final Seeds SEEDS = new Seeds(DB);
    static final WebhookQueueDao INBOX = SEEDS.jdbi().onDemand(WebhookQueueDao.class);
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Listener listener = new Listener();
    private WebhookProcessor processor;

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @BeforeEach
    void emptyInbox() {
        SEEDS.jdbi().useHandle(handle -> handle.execute("DELETE FROM webhook_inbox"));
        // No template updates here: the dispatcher needs no templates.
        WebhookDispatcher dispatcher = new WebhookDispatcher(new ObjectMapper(), null,
            Clock.fixed(NOW, ZoneOffset.UTC));
        dispatcher.listener(listener);
        processor = new WebhookProcessor(INBOX, dispatcher, new WhatsAppConfig(), "worker",
            Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theStatusesOfEveryClaimedRowGoInOneBatchInTheOrderTheyCame() {
        long message = store(change("\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":"
            + "\"5511990000001\"}],\"messages\":[{\"from\":\"5511990000001\",\"id\":\"wamid.in1\","
            + "\"timestamp\":\"1764547200\",\"type\":\"text\",\"text\":{\"body\":\"Oi\"}}]"));
        long first = store(statuses("wamid.out1", "sent", "wamid.out2", "delivered"));
        long second = store(statuses("wamid.out1", "read"));

        assertThat(processor.run()).isEqualTo(3);

        assertThat(listener.inbound).containsExactly("wamid.in1");
        assertThat(listener.batches).hasSize(1);
        assertThat(listener.batches.get(0)).extracting(u -> u.wamid() + " " + u.status())
            .containsExactly("wamid.out1 sent", "wamid.out2 delivered", "wamid.out1 read");
        assertThat(state(message)).isEqualTo("DONE 1");
        assertThat(state(first)).isEqualTo("DONE 1");
        assertThat(state(second)).isEqualTo("DONE 1");
    }

    @Test
    void aFailedBatchRetriesTheRowsThatCarriedItAndNoOther() {
        listener.statusesFail = true;
        long message = store(change("\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":"
            + "\"5511990000001\"}],\"messages\":[{\"from\":\"5511990000001\",\"id\":\"wamid.in2\","
            + "\"timestamp\":\"1764547200\",\"type\":\"text\",\"text\":{\"body\":\"Oi\"}}]"));
        long withStatuses = store(statuses("wamid.out3", "sent"));
        long broken = store("{not json");

        processor.run();

        assertThat(state(message)).isEqualTo("DONE 1");
        assertThat(state(withStatuses)).isEqualTo("PENDING 1");
        assertThat(text("SELECT error FROM webhook_inbox WHERE id = " + withStatuses))
            .contains("database went away");
        assertThat(text("SELECT next_attempt_at > UTC_TIMESTAMP() FROM webhook_inbox WHERE id = "
            + withStatuses)).as("retried later").isEqualTo("1");
        assertThat(state(broken)).isEqualTo("PARKED 1");
    }

    private static String change(String value) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":"
            + "[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
            + "{\"display_phone_number\":\"15550100001\",\"phone_number_id\":\"200000000000001\"},"
            + value + "}}]}]}";
    }

    private static String statuses(String... wamidAndStatus) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < wamidAndStatus.length; i += 2) {
            items.add("{\"id\":\"" + wamidAndStatus[i] + "\",\"status\":\"" + wamidAndStatus[i + 1]
                + "\",\"timestamp\":\"1764547200\",\"recipient_id\":\"5511990000001\"}");
        }
        return change("\"statuses\":[" + String.join(",", items) + "]");
    }

    private static long store(String body) {
        return INBOX.insert("PENDING", body.getBytes(StandardCharsets.UTF_8), "sha", null,
            NOW.minusSeconds(1));
    }

    private static String state(long id) {
        return text("SELECT CONCAT(state, ' ', attempts) FROM webhook_inbox WHERE id = " + id);
    }

    private static String text(String sql) {
        return SEEDS.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(String.class)
            .one());
    }

    /** Hears what the worker hands on; its statuses can fail as a dead database would. */
    private static final class Listener implements WhatsAppListener {
        final List<String> inbound = new ArrayList<>();
        final List<List<StatusUpdate>> batches = new ArrayList<>();
        boolean statusesFail;

        @Override
        public void inbound(InboundMessage message) {
            inbound.add(message.wamid());
        }

        @Override
        public void echo(InboundMessage echo) {
        }

        @Override
        public void statuses(List<StatusUpdate> updates) {
            if (statusesFail) {
                throw new IllegalStateException("database went away");
            }
            batches.add(List.copyOf(updates));
        }

        @Override
        public void accepted(long messageId, String wamid) {
        }

        @Override
        public void failed(long messageId, SendFailure failure) {
        }

        @Override
        public void mediaChanged(long mediaId) {
        }
    }
}
