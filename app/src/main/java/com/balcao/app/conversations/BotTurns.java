package com.balcao.app.conversations;

import io.dropwizard.lifecycle.Managed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the bot's turns off the webhook workers, so a slow turn (many rules, later the AI) never
 * holds up recording customers' messages. A conversation's turns always run on the same thread,
 * one after the other, in the order its messages were recorded. Turns are not durable: one lost
 * in a restart is found again by the bot's sweep (a message newer than the bot's last answer),
 * and a turn run twice does nothing the second time.
 */
public final class BotTurns implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(BotTurns.class);
    private final List<ExecutorService> lanes = new ArrayList<>();
    private final AtomicInteger pending = new AtomicInteger();

    public BotTurns(int workers) {
        for (int i = 0; i < workers; i++) {
            int lane = i;
            lanes.add(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "bot-turns-" + lane);
                thread.setDaemon(true);
                return thread;
            }));
        }
    }

    /** Queues {@code turn} behind the conversation's earlier ones; failures are logged. */
    public void submit(long conversationId, Runnable turn) {
        pending.incrementAndGet();
        try {
            lanes.get((int) Math.floorMod(conversationId, (long) lanes.size())).execute(() -> {
                try {
                    turn.run();
                } catch (RuntimeException e) {
                    LOG.error("Bot turn failed on conversation {}", conversationId, e);
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            LOG.info("Stopping: the bot's sweep answers conversation {} later", conversationId);
        }
    }

    /** Turns queued or running now. */
    public int pending() {
        return pending.get();
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() throws InterruptedException {
        lanes.forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes) {
            if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
                lane.shutdownNow();
            }
        }
    }
}
