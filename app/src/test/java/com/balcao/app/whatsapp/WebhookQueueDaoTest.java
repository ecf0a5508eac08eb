package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox's claim-with-lease on the real database. */
class WebhookQueueDaoTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final Seeds SEEDS = new Seeds(DB);
    static final WebhookQueueDao INBOX = SEEDS.jdbi().onDemand(WebhookQueueDao.class);
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @BeforeEach
    void empty() {
        SEEDS.jdbi().useHandle(handle -> handle.execute("DELETE FROM webhook_inbox"));
    }

    static void store(int rows) {
        for (int i = 0; i < rows; i++) {
            INBOX.insert("PENDING", ("{\"n\":" + i + "}").getBytes(), "sha", null,
                NOW.minusSeconds(1));
        }
    }

    @Test
    void workersClaimingTogetherNeverGetTheSameRow() throws Exception {
        store(40);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<List<Long>>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String owner = "worker-" + w;
            workers.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                List<Long> ids = new ArrayList<>();
                for (List<WebhookRow> batch; !(batch = INBOX.claim(NOW, NOW.plusSeconds(60), owner,
                    3)).isEmpty(); ) {
                    batch.forEach(row -> ids.add(row.id()));
                }
                return ids;
            }));
        }
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (CompletableFuture<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        Set<Long> distinct = new HashSet<>(all);

        assertThat(all).hasSize(40);
        assertThat(distinct).hasSize(40);
    }

    @Test
    void aRowWhoseLeaseRanOutIsClaimedAgainWithItsAttemptsCounted() {
        store(1);

        List<WebhookRow> first = INBOX.claim(NOW, NOW.plusSeconds(30), "dead-worker", 10);
        List<WebhookRow> during = INBOX.claim(NOW.plusSeconds(10), NOW.plusSeconds(40), "other", 10);
        List<WebhookRow> after = INBOX.claim(NOW.plusSeconds(31), NOW.plusSeconds(60), "other", 10);

        assertThat(first).hasSize(1);
        assertThat(first.get(0).attempts()).isEqualTo(1);
        assertThat(during).isEmpty();
        assertThat(after).extracting(WebhookRow::id).containsExactly(first.get(0).id());
        assertThat(after.get(0).attempts()).isEqualTo(2);
    }

    @Test
    void doneRowsAreNeverClaimedAndParkedOnesOnlyAfterARequeue() {
        store(2);
        List<WebhookRow> rows = INBOX.claim(NOW, NOW.plusSeconds(1), "w", 10);
        INBOX.markDone(List.of(rows.get(0).id()), NOW);
        INBOX.park(rows.get(1).id(), "broken", NOW);

        assertThat(INBOX.claim(NOW.plusSeconds(5), NOW.plusSeconds(9), "w", 10)).isEmpty();
        assertThat(INBOX.parked(10)).extracting(WebhookRow::error).containsExactly("broken");
        assertThat(INBOX.requeue(rows.get(1).id(), NOW)).isEqualTo(1);
        assertThat(INBOX.requeue(rows.get(0).id(), NOW)).isZero();
        assertThat(INBOX.claim(NOW.plusSeconds(5), NOW.plusSeconds(9), "w", 10))
            .extracting(WebhookRow::id).containsExactly(rows.get(1).id());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
