package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The outbox hands out one message per chat at a time, so a chat reads them in order. */
class OutboxOrderDaoTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final Seeds SEEDS = new Seeds(DB);
    static final OutboxDao OUTBOX = SEEDS.jdbi().onDemand(OutboxDao.class);
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void aSecondSenderWaitsForTheEarlierMessageToTheSamePersonButNotForOthers() {
        long number = SEEDS.whatsAppNumber("order-1", "+55 11 4000-0001", null, "http://127.0.0.1:9");
        long greeting = OUTBOX.insert(null, number, "5511999990001", "message", "{}", null, NOW);
        long menu = OUTBOX.insert(null, number, "5511999990001", "message", "{}", null, NOW);
        long other = OUTBOX.insert(null, number, "5511999990002", "message", "{}", null, NOW);

        List<Long> first = ids(OUTBOX.claim(NOW, NOW.plusSeconds(60), "sender-a", 4));
        List<Long> second = ids(OUTBOX.claim(NOW, NOW.plusSeconds(60), "sender-b", 4));

        assertThat(first).containsExactly(greeting, other);
        assertThat(second).isEmpty();
        assertThat(OUTBOX.markSent(greeting, "sender-a", NOW)).isEqualTo(1);
        assertThat(ids(OUTBOX.claim(NOW, NOW.plusSeconds(60), "sender-b", 4)))
            .containsExactly(menu);
    }

    @Test
    void aMessageWaitingForItsRetryHoldsBackTheLaterOnesUntilItGivesUp() {
        long number = SEEDS.whatsAppNumber("order-2", "+55 11 4000-0002", null, "http://127.0.0.1:9");
        long failing = OUTBOX.insert(null, number, "5511999990003", "message", "{}", null, NOW);
        long later = OUTBOX.insert(null, number, "5511999990003", "message", "{}", null, NOW);
        assertThat(ids(OUTBOX.claim(NOW, NOW.plusSeconds(60), "sender-a", 4)))
            .containsExactly(failing);
        OUTBOX.retryAt(failing, "sender-a", NOW.plusSeconds(30), 131000, "busy", NOW);

        assertThat(OUTBOX.claim(NOW.plusSeconds(1), NOW.plusSeconds(60), "sender-b", 4))
            .isEmpty();
        OUTBOX.claim(NOW.plusSeconds(31), NOW.plusSeconds(90), "sender-b", 4);
        OUTBOX.fail(failing, "sender-b", 131000, "busy", NOW.plusSeconds(31));
        assertThat(ids(OUTBOX.claim(NOW.plusSeconds(32), NOW.plusSeconds(90), "sender-c", 4)))
            .containsExactly(later);
    }

    private static List<Long> ids(List<OutboxRow> rows) {
        return rows.stream().map(OutboxRow::id).toList();
    }
}
