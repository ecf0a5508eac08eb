package com.balcao.app.conversations;

import io.dropwizard.lifecycle.Managed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the bot's turns off the webhook workers, so a slow turn (many rules, later the AI) never
 * holds up recording customers' messages. A conversation's turns always run on the same lane,
 * one after the other, in the order its messages were recorded.
 *
 * <p>Turns that queued up while a lane was busy run together in one transaction (see
 * {@link #shared}): a burst of customers costs one commit per batch instead of one per turn.
 * What they announce waits for that commit. Each statement reads what committed before it ran
 * (read committed), as it would in a turn's own transaction: a take over that commits while
 * the batch runs is seen by the later turns once they lock their conversation, never hidden
 * behind a snapshot taken at the batch's first read. When the batch fails (one turn's error, a
 * deadlock), it is rolled back whole and each of its turns runs again on its own, so one bad
 * turn costs only itself.
 *
 * <p>Turns are not durable: one lost in a restart is found again by the bot's sweep (a
 * message newer than the bot's last answer), and a turn run twice does nothing the second time.
 */
public final class BotTurns implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(BotTurns.class);
    /** Most turns in one transaction: bounds how long a batch keeps its conversations locked. */
    static final int MOST_TOGETHER = 16;
    private static final Turn STOP = new Turn(0, () -> { });
    private final ThreadLocal<Shared> shared = new ThreadLocal<>();
    private final List<Lane> lanes = new ArrayList<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Jdbi jdbi;
    private final Consumer<Runnable> together;
    private volatile boolean stopping;

    /**
     * {@code together} runs a batch's announcements so that their events leave in one go
     * ({@link ConversationEvents#together}).
     */
    public BotTurns(int workers, Jdbi jdbi, Consumer<Runnable> together) {
        this.jdbi = jdbi;
        this.together = together;
        for (int i = 0; i < workers; i++) {
            Lane lane = new Lane("bot-turns-" + i);
            lanes.add(lane);
            lane.thread.start();
        }
    }

    /** The transaction that turns taken together share, and what waits for its commit. */
    record Shared(Handle handle, List<Runnable> afterCommit) {
    }

    /** The shared transaction of the turn running on this thread; null when it runs alone. */
    Shared shared() {
        return shared.get();
    }

    /** Queues {@code turn} behind the conversation's earlier ones; failures are logged. */
    public void submit(long conversationId, Runnable turn) {
        if (stopping) {
            LOG.info("Stopping: the bot's sweep answers conversation {} later", conversationId);
            return;
        }
        pending.incrementAndGet();
        lanes.get((int) Math.floorMod(conversationId, (long) lanes.size())).queue
            .add(new Turn(conversationId, turn));
    }

    /** Turns queued or running now. */
    public int pending() {
        return pending.get();
    }

    @Override
    public void start() {
    }

    /** Lets the turns already queued run (for a few seconds at most), then stops the lanes. */
    @Override
    public void stop() throws InterruptedException {
        stopping = true;
        lanes.forEach(lane -> lane.queue.add(STOP));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Lane lane : lanes) {
            lane.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(
                deadline - System.nanoTime())));
            lane.thread.interrupt();
        }
    }

    private record Turn(long conversationId, Runnable work) {
    }

    private final class Lane implements Runnable {
        private final LinkedBlockingQueue<Turn> queue = new LinkedBlockingQueue<>();
        private final Thread thread;

        Lane(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            List<Turn> batch = new ArrayList<>();
            try {
                while (true) {
                    batch.add(queue.take());
                    queue.drainTo(batch, MOST_TOGETHER - 1);
                    boolean stop = batch.remove(STOP);
                    try {
                        take(batch);
                    } finally {
                        pending.addAndGet(-batch.size());
                        batch.clear();
                    }
                    if (stop) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void take(List<Turn> batch) {
        if (batch.size() == 1) {
            alone(batch.get(0));
            return;
        }
        if (batch.isEmpty()) {
            return;
        }
        List<Runnable> afterCommit = new ArrayList<>();
        try {
            jdbi.useTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> {
                shared.set(new Shared(handle, afterCommit));
                try {
                    batch.forEach(turn -> turn.work().run());
                } finally {
                    shared.remove();
                }
            });
        } catch (RuntimeException | Error e) {
            LOG.info("{} bot turns taken together failed ({}); each is taken alone",
                batch.size(), e.toString());
            batch.forEach(this::alone);
            return;
        }
        together.accept(() -> afterCommit.forEach(this::safely));
    }

    /** Runs one turn; whatever it throws is logged, and the lane goes on with the next. */
    private void alone(Turn turn) {
        try {
            turn.work().run();
        } catch (RuntimeException | Error e) {
            LOG.error("Bot turn failed on conversation {}", turn.conversationId(), e);
        }
    }

    private void safely(Runnable announcement) {
        try {
            announcement.run();
        } catch (RuntimeException e) {
            LOG.warn("A bot turn's announcement failed: {}", e.toString());
        }
    }
}
