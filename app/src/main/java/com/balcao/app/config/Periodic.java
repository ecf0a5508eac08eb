package com.balcao.app.config;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A round of work repeated on its own daemon thread, each one a fixed delay after the previous
 * one ended: the sweeps (the day-before reminders, the bot's timeouts, automatic distribution,
 * unsent uploads). A failed round (database or Redis down) is logged; the next one runs as
 * planned.
 */
public final class Periodic implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);
    private final String name;
    private final Duration first;
    private final Duration every;
    private final Runnable round;
    private ScheduledExecutorService executor;

    private Periodic(String name, Duration first, Duration every, Runnable round) {
        this.name = name;
        this.first = first;
        this.every = every;
        this.round = round;
    }

    /** {@code round} every {@code every}, the first one that long after the start. */
    public static Periodic every(Duration every, String name, Runnable round) {
        return new Periodic(name, every, every, round);
    }

    /** {@code round} every {@code every}, the first one {@code first} after the start. */
    public static Periodic every(Duration every, Duration first, String name, Runnable round) {
        return new Periodic(name, first, every, round);
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runRound, first.toMillis(), every.toMillis(),
            TimeUnit.MILLISECONDS);
    }

    private void runRound() {
        try {
            round.run();
        } catch (RuntimeException e) {
            LOG.warn("Periodic job {} failed; it runs again in {} s: {}", name,
                every.toSeconds(), e.toString());
        }
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
