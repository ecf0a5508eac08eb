package com.balcao.app.appointments;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the day-before reminders every few minutes. */
final class ReminderSweep implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);
    private final Reminders reminders;
    private final Duration every;
    private ScheduledExecutorService executor;

    ReminderSweep(Reminders reminders, Duration every) {
        this.reminders = reminders;
        this.every = every;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "appointment-reminders");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(),
            TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            reminders.sendDue();
        } catch (RuntimeException e) {
            LOG.warn("Appointment reminder sweep failed: {}", e.toString());
        }
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
