package com.balcao.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bot's lanes on the real database: turns that queued up behind a busy one run in one
 * transaction and announce only once it committed; a failing turn among them costs only itself.
 */
class BotTurnsIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final Seeds SEEDS = new Seeds(DB);
    static final String TEST_COLOR = "'#012345'";
    final BotTurns turns = new BotTurns(1, SEEDS.jdbi(), Runnable::run);
    final List<String> announced = new CopyOnWriteArrayList<>();
    final List<Handle> handles = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        turns.stop();
        SEEDS.jdbi().useHandle(handle -> handle.execute("DELETE FROM labels WHERE color = "
            + TEST_COLOR));
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void turnsQueuedBehindABusyOneShareOneTransactionAndAnnounceAfterItsCommit()
        throws InterruptedException {
        CountDownLatch busy = holdTheLane();
        for (String name : List.of("um", "dois", "tres")) {
            turns.submit(7, () -> inTurn(handle -> label(handle, name)));
        }
        busy.countDown();
        awaitIdle();

        assertThat(handles).hasSize(4);
        assertThat(handles.get(1)).isNotNull();
        assertThat(handles.subList(1, 4)).allMatch(handle -> handle == handles.get(1));
        // Each announcement counted the labels from another connection: all three committed.
        assertThat(announced).containsExactly("um:3", "dois:3", "tres:3");
    }

    @Test
    void aTurnThatFailsAmongOthersCostsOnlyItselfAndNothingIsAnnouncedTwice()
        throws InterruptedException {
        CountDownLatch busy = holdTheLane();
        turns.submit(7, () -> inTurn(handle -> label(handle, "antes")));
        turns.submit(7, () -> inTurn(handle -> {
            label(handle, "falha");
            throw new IllegalStateException("a turn's bug");
        }));
        turns.submit(7, () -> inTurn(handle -> label(handle, "depois")));
        busy.countDown();
        awaitIdle();

        assertThat(SEEDS.count("labels", "name = 'falha'")).isZero();
        assertThat(SEEDS.count("labels", "name IN ('antes', 'depois')")).isEqualTo(2);
        assertThat(announced).containsExactly("antes:1", "depois:2");
        // The batch ran up to the failure in one transaction, then each turn ran on its own.
        assertThat(handles).hasSize(6);
        assertThat(handles.get(1)).isNotNull().isSameAs(handles.get(2));
        assertThat(handles.subList(3, 6)).containsOnlyNulls();
    }

    @Test
    void aLaterTurnInTheBatchSeesWhatCommittedAfterTheBatchBegan() throws InterruptedException {
        CountDownLatch busy = holdTheLane();
        CountDownLatch firstRead = new CountDownLatch(1);
        CountDownLatch takenOver = new CountDownLatch(1);
        List<Long> seen = new CopyOnWriteArrayList<>();
        turns.submit(7, () -> inTurn(handle -> {
            seen.add(countLabels(handle));
            firstRead.countDown();
            await(takenOver);
            label(handle, "primeiro");
        }));
        turns.submit(7, () -> inTurn(handle -> seen.add(countLabels(handle))));
        busy.countDown();
        assertThat(firstRead.await(10, TimeUnit.SECONDS)).isTrue();
        // Another connection commits while the batch is open, as a take over would.
        SEEDS.jdbi().useHandle(handle -> label(handle, "de fora"));
        takenOver.countDown();
        awaitIdle();

        assertThat(handles.get(1)).isNotNull().isSameAs(handles.get(2));
        assertThat(seen).containsExactly(0L, 2L);
    }

    @Test
    void aTurnThatThrowsAnErrorNeitherStopsTheLaneNorTheTurnsBatchedWithIt()
        throws InterruptedException {
        turns.submit(7, () -> {
            throw new AssertionError("a turn's bug");
        });
        CountDownLatch busy = holdTheLane();
        turns.submit(7, () -> {
            throw new StackOverflowError();
        });
        turns.submit(7, () -> inTurn(handle -> label(handle, "seguinte")));
        busy.countDown();
        awaitIdle();

        assertThat(announced).containsExactly("seguinte:1");
    }

    @Test
    void aTurnAloneRunsInItsOwnTransaction() throws InterruptedException {
        turns.submit(7, () -> inTurn(handle -> label(handle, "sozinho")));
        awaitIdle();

        assertThat(handles).containsExactly((Handle) null);
        assertThat(announced).containsExactly("sozinho:1");
    }

    /** A first turn that waits for the latch, so the next ones queue up behind it. */
    private CountDownLatch holdTheLane() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        turns.submit(7, () -> {
            handles.add(turns.shared() == null ? null : turns.shared().handle());
            started.countDown();
            await(release);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    private static long countLabels(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM labels WHERE color = " + TEST_COLOR)
            .mapTo(Long.class).one();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Works as the bot's bridge does: in the shared transaction when there is one. */
    private void inTurn(Consumer<Handle> work) {
        BotTurns.Shared shared = turns.shared();
        handles.add(shared == null ? null : shared.handle());
        if (shared != null) {
            String name = labelOf(shared.handle(), work);
            shared.afterCommit().add(() -> announce(name));
            return;
        }
        String name = SEEDS.jdbi().inTransaction(handle -> labelOf(handle, work));
        announce(name);
    }

    private static String labelOf(Handle handle, Consumer<Handle> work) {
        work.accept(handle);
        return handle.createQuery("SELECT name FROM labels WHERE color = " + TEST_COLOR
            + " ORDER BY id DESC LIMIT 1")
            .mapTo(String.class).one();
    }

    private void announce(String name) {
        announced.add(name + ":" + SEEDS.count("labels", "color = " + TEST_COLOR));
    }

    private static void label(Handle handle, String name) {
        handle.createUpdate("INSERT INTO labels (name, color, created_at, updated_at) "
            + "VALUES (:name, " + TEST_COLOR + ", :now, :now)").bind("name", name)
            .bind("now", Instant.now()).execute();
    }

    private void awaitIdle() {
        Seeds.await("the bot's lane to finish", Duration.ofSeconds(10), () -> turns.pending() == 0);
    }
}
