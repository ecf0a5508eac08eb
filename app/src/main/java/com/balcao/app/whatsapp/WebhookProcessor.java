package com.balcao.app.whatsapp;

import com.balcao.app.config.Columns;
import com.balcao.app.config.WhatsAppConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the webhook inbox: claims a few due rows, hands each to the dispatcher, marks it done.
 * A row that fails is retried with growing pauses and parked after too many attempts; a row the
 * dispatcher cannot understand is parked at once. Safe to run on many threads and replicas.
 */
final class WebhookProcessor implements Workers.Batch {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookProcessor.class);
    private static final int BATCH = 10;
    private final WebhookQueueDao inbox;
    private final WebhookDispatcher dispatcher;
    private final WhatsAppConfig config;
    private final String owner;
    private final Clock clock;

    WebhookProcessor(WebhookQueueDao inbox, WebhookDispatcher dispatcher, WhatsAppConfig config,
                   String owner, Clock clock) {
        this.inbox = inbox;
        this.dispatcher = dispatcher;
        this.config = config;
        this.owner = owner;
        this.clock = clock;
    }

    @Override
    public int run() {
        Instant now = clock.instant();
        List<WebhookRow> rows = inbox.claim(now, now.plusSeconds(config.inboxLeaseSeconds), owner,
            BATCH);
        rows.forEach(this::process);
        return rows.size();
    }

    private void process(WebhookRow row) {
        try {
            dispatcher.handle(row.body());
            inbox.markDone(row.id(), clock.instant());
        } catch (UnprocessableWebhook e) {
            LOG.warn("Webhook row {} parked: {}", row.id(), e.getMessage());
            inbox.park(row.id(), Columns.clipError(e.getMessage()), clock.instant());
        } catch (RuntimeException e) {
            String error = Columns.clipError(e.getClass().getSimpleName() + ": " + e.getMessage());
            if (row.attempts() >= config.inboxMaxAttempts) {
                LOG.error("Webhook row {} parked after {} attempts: {}", row.id(), row.attempts(),
                    error, e);
                inbox.park(row.id(), error, clock.instant());
            } else {
                LOG.warn("Webhook row {} failed (attempt {}), retrying: {}", row.id(),
                    row.attempts(), error);
                inbox.retryAt(row.id(), clock.instant().plus(backoff(row.attempts())), error);
            }
        }
    }

    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 9)));
    }
}
