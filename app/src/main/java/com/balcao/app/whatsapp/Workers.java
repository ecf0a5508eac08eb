package com.balcao.app.whatsapp;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few threads that run a batch again and again: at once while there is work, after a short
 * sleep when there is none (or as soon as {@link #wake} is called), and after a pause when the
 * batch fails (the database may be down). Stopped cleanly with the app.
 */
final class Workers implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);
    private static final Duration PAUSE_AFTER_ERROR = Duration.ofSeconds(2);

    /** One round of work; returns how many items it handled. */
    interface Batch {
        int run() throws Exception;

        /** This batch with one connection for all its work, which its DAO calls share. */
        static Batch onOneHandle(Jdbi jdbi, Batch batch) {
            return () -> jdbi.withHandle(handle -> batch.run());
        }
    }

    private final String name;
    private final int threads;
    private final Duration idle;
    private final Batch batch;
    private final BooleanSupplier paused;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService executor;

    Workers(String name, int threads, Duration idle, Batch batch) {
        this(name, threads, idle, batch, () -> false);
    }

    /** Workers that take no work while {@code paused} says so (a restore is running). */
    Workers(String name, int threads, Duration idle, Batch batch, BooleanSupplier paused) {
        this.name = name;
        this.threads = threads;
        this.idle = idle;
        this.batch = batch;
        this.paused = paused;
    }

    @Override
    public void start() {
        running = true;
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            executor.submit(this::loop);
        }
    }

    /** Cuts the idle sleep of one waiting thread short: there is new work. */
    void wake() {
        if (signal.availablePermits() < threads) {
            signal.release();
        }
    }

    private void loop() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                if (paused.getAsBoolean() || batch.run() == 0) {
                    signal.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                LOG.warn("{} batch failed, pausing: {}", name, e.toString());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_ERROR.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        signal.release(threads);
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
