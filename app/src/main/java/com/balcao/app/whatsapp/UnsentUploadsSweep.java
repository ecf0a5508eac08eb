package com.balcao.app.whatsapp;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every hour, deletes the files agents uploaded to send but never sent. */
final class UnsentUploadsSweep implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(UnsentUploadsSweep.class);
    private final MediaFiles media;
    private final Duration age;
    private ScheduledExecutorService executor;

    UnsentUploadsSweep(MediaFiles media, Duration age) {
        this.media = media;
        this.age = age;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "wa-unsent-uploads");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sweep, 5, 60, TimeUnit.MINUTES);
    }

    private void sweep() {
        try {
            int deleted = media.deleteUnsentUploads(age);
            if (deleted > 0) {
                LOG.info("Deleted {} uploaded file(s) never sent", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Sweeping unsent uploads failed: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        executor.shutdownNow();
    }
}
