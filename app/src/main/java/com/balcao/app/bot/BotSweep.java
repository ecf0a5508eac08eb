package com.balcao.app.bot;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few seconds: moves conversations idle past their state's timeout on, and queues a turn
 * for any customer message the bot still owes an answer (its turn was lost in a restart).
 */
final class BotSweep implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(BotSweep.class);
    /** Younger unanswered messages are still in the turns' queue, not lost. */
    private static final Duration GRACE = Duration.ofSeconds(10);
    private final BotRunner runner;
    private final Duration every;
    private ScheduledExecutorService executor;

    BotSweep(BotRunner runner, Duration every) {
        this.runner = runner;
        this.every = every;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bot-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(),
            TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            runner.expireDue();
            int owed = runner.catchUp(GRACE);
            if (owed > 0) {
                LOG.info("The bot answers {} customer message(s) left unanswered", owed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Bot timeout sweep failed: {}", e.toString());
        }
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
