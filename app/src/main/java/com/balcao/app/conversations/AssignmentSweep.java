package com.balcao.app.conversations;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out, every few seconds, what still waits in distributing departments: conversations
 * that arrived while every agent was full, away or offline reach the first one who comes
 * online or frees a slot. Every replica sweeps; the assignment's locks keep that safe.
 */
final class AssignmentSweep implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(AssignmentSweep.class);
    private final AutoAssigner assigner;
    private final Duration every;
    private ScheduledExecutorService scheduler;

    AssignmentSweep(AutoAssigner assigner, Duration every) {
        this.assigner = assigner;
        this.every = every;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "auto-assign");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(),
            TimeUnit.MILLISECONDS);
    }

    /** A failed round (database or Redis down) is logged; the next one tries again. */
    private void sweep() {
        try {
            assigner.distributeAll();
        } catch (RuntimeException e) {
            LOG.warn("Automatic distribution round failed: {}", e.toString());
        }
    }

    @Override
    public void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
}
