package com.balcao.app.whatsapp;

import com.balcao.app.config.Columns;
import com.balcao.app.config.WhatsAppConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the webhook inbox: claims a few due rows, hands each to the dispatcher (their statuses
 * together), marks them done.
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
        List<Long> done = new ArrayList<>();
        List<WebhookRow> withStatuses = new ArrayList<>();
        List<StatusUpdate> statuses = new ArrayList<>();
        for (WebhookRow row : rows) {
            try {
                ParsedWebhook parsed = dispatcher.parse(row.body());
                dispatcher.handle(parsed);
                if (parsed.statuses().isEmpty()) {
                    done.add(row.id());
                } else {
                    withStatuses.add(row);
                    statuses.addAll(parsed.statuses());
                }
            } catch (RuntimeException e) {
                failed(row, e);
            }
        }
        // The statuses of all claimed rows in one go: a busy number's ticks arrive by the
        // hundred, and each costs a few statements alone.
        try {
            dispatcher.statuses(statuses);
            withStatuses.forEach(row -> done.add(row.id()));
        } catch (RuntimeException e) {
            withStatuses.forEach(row -> failed(row, e));
        }
        if (!done.isEmpty()) {
            inbox.markDone(done, clock.instant());
        }
        return rows.size();
    }

    private void failed(WebhookRow row, RuntimeException e) {
        if (e instanceof UnprocessableWebhook) {
            LOG.warn("Webhook row {} parked: {}", row.id(), e.getMessage());
            inbox.park(row.id(), Columns.clipError(e.getMessage()), clock.instant());
            return;
        }
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

    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 9)));
    }
}
