package com.balcao.app.whatsapp;

import com.balcao.app.config.Columns;
import com.balcao.app.config.WhatsAppConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox through {@code POST /{phone-number-id}/messages}, within the number's
 * rate and each recipient's pair limit. Failures are retried or given up on according to
 * {@link RetryPolicy}; every outcome of a message is reported to the listener.
 */
final class OutboxSender implements Workers.Batch {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 4;
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration SPAM_PAUSE = Duration.ofMinutes(15);
    private final OutboxDao outbox;
    private final NumberRegistry numbers;
    private final GraphClient graph;
    private final SendLimits limits;
    private final MediaFiles media;
    private final Supplier<WhatsAppListener> listener;
    private final WhatsAppConfig config;
    private final ObjectMapper json;
    private final String owner;
    private final Clock clock;

    OutboxSender(OutboxDao outbox, NumberRegistry numbers, GraphClient graph, SendLimits limits,
                 MediaFiles media, Supplier<WhatsAppListener> listener, WhatsAppConfig config,
                 ObjectMapper json, String owner, Clock clock) {
        this.outbox = outbox;
        this.numbers = numbers;
        this.graph = graph;
        this.limits = limits;
        this.media = media;
        this.listener = listener;
        this.config = config;
        this.json = json;
        this.owner = owner;
        this.clock = clock;
    }

    @Override
    public int run() throws InterruptedException {
        Instant now = clock.instant();
        List<OutboxRow> rows = outbox.claim(now, now.plus(LEASE), owner, BATCH);
        for (OutboxRow row : rows) {
            send(row);
        }
        return rows.size();
    }

    private void send(OutboxRow row) throws InterruptedException {
        Optional<BusinessNumber> found = numbers.byId(row.waNumberId());
        if (found.isEmpty() || found.get().accessToken() == null) {
            fail(row, new SendFailure(null, "No access token",
                "The number has no access token configured"));
            return;
        }
        BusinessNumber number = found.get();
        if ("message".equals(row.kind())) {
            Optional<Duration> wait = limits.pairWait(number, row.recipient());
            if (wait.isPresent()) {
                outbox.defer(row.id(), clock.instant().plus(wait.get()));
                return;
            }
        }
        limits.awaitNumber(number);
        GraphResponse response;
        try {
            ObjectNode body = (ObjectNode) json.readTree(row.body());
            if (row.mediaId() != null) {
                media.attachUploaded(number, body, row.mediaId(), graph);
            }
            response = graph.post(number, number.phoneNumberId() + "/messages", body);
        } catch (MediaFiles.UploadFailed e) {
            GraphError error = e.response.error();
            retryOrFail(row, number, error.code(), e.response.status(), error.title(),
                error.detail());
            return;
        } catch (IOException e) {
            retryOrFail(row, number, null, 0, "Network error", e.getMessage());
            return;
        }
        if (response.ok()) {
            succeed(row, response);
        } else {
            GraphError error = response.error();
            retryOrFail(row, number, error.code(), response.status(), error.title(),
                error.detail());
        }
    }

    private void succeed(OutboxRow row, GraphResponse response) {
        outbox.markSent(row.id(), clock.instant());
        String wamid = WebhookParser.text(response.body().path("messages").path(0), "id");
        if (row.messageId() != null && wamid != null) {
            listener.get().accepted(row.messageId(), wamid);
        }
    }

    private void retryOrFail(OutboxRow row, BusinessNumber number, Integer code, int status,
                             String title, String detail) {
        RetryPolicy.Action action = RetryPolicy.classify(code, status);
        int attempts = row.attempts() + 1;
        String error = Columns.clipError((code == null ? "HTTP " + status : "#" + code) + " "
            + title + (detail == null ? "" : ": " + detail));
        if (action == RetryPolicy.Action.PERMANENT || attempts >= config.maxSendAttempts) {
            LOG.warn("Outbox row {} failed for good after {} attempt(s): {}", row.id(), attempts,
                error);
            fail(row, new SendFailure(code, title, detail));
            return;
        }
        Duration wait = switch (action) {
            case PAIR_LIMIT -> RetryPolicy.pairBackoff(row.attempts(), config.maxBackoffSeconds);
            case SPAM_PAUSE -> SPAM_PAUSE;
            default -> RetryPolicy.backoff(row.attempts(), config.maxBackoffSeconds);
        };
        if (action == RetryPolicy.Action.THROTTLE) {
            limits.pause(number, wait);
        }
        LOG.info("Outbox row {} will be retried in {} ms: {}", row.id(), wait.toMillis(), error);
        outbox.retryAt(row.id(), clock.instant().plus(wait), code, error, clock.instant());
    }

    private void fail(OutboxRow row, SendFailure failure) {
        outbox.fail(row.id(), failure.code(), Columns.clipError(failure.title() + ": "
            + failure.detail()), clock.instant());
        if (row.messageId() != null) {
            listener.get().failed(row.messageId(), failure);
        }
    }
}
