package com.balcao.app.backups;

import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the panel's "run now", "verify" and "restore" after the page has answered. */
final class BackupTasks implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(BackupTasks.class);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "backup-task");
        thread.setDaemon(true);
        return thread;
    });

    void submit(String what, Runnable task) {
        executor.submit(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", what, e.getMessage());
            }
        });
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
