package com.balcao.app.whatsapp;

import com.balcao.app.config.Columns;
import com.balcao.app.config.WhatsAppConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
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
    private static final Duration SPAM_PAUSE = Duration.ofMinutes(15);
    private final Jdbi jdbi;
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

    OutboxSender(Jdbi jdbi, OutboxDao outbox, NumberRegistry numbers, GraphClient graph, SendLimits limits,
                 MediaFiles media, Supplier<WhatsAppListener> listener, WhatsAppConfig config,
                 ObjectMapper json, String owner, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.numbers = numbers;
        this.graph = graph;
        this.limits = limits;
        this.media = media;
        this.listener = listener;
        this.config = config;
        this.json = json;
        // The lease column holds 64 characters: this owner, '#' and a claim's own 16.
        this.owner = owner.length() > 40 ? owner.substring(owner.length() - 40) : owner;
        this.clock = clock;
    }

    @Override
    public int run() throws InterruptedException {
        Instant now = clock.instant();
        Claim lease = new Claim(owner + "#" + Long.toHexString(ThreadLocalRandom.current()
            .nextLong()), now.plus(lease()));
        List<OutboxRow> rows = outbox.claim(now, lease.claimedUntil, lease.token, BATCH);
        for (OutboxRow row : rows) {
            send(row, lease);
        }
        return rows.size();
    }

    private Duration lease() {
        return Duration.ofSeconds(config.sendLeaseSeconds);
    }

    private void send(OutboxRow row, Claim lease) throws InterruptedException {
        Optional<BusinessNumber> found = numbers.byId(row.waNumberId());
        if (found.isEmpty() || found.get().accessToken() == null) {
            fail(row, lease, new SendFailure(null, "No access token",
                "The number has no access token configured"));
            return;
        }
        BusinessNumber number = found.get();
        if (!number.active()) {
            fail(row, lease, new SendFailure(null, "Number deactivated",
                "The number was deactivated before the message left"));
            return;
        }
        if ("message".equals(row.kind())) {
            Optional<Duration> wait = limits.pairWait(number, row.recipient());
            if (wait.isPresent()) {
                outbox.defer(row.id(), lease.token, clock.instant().plus(wait.get()));
                return;
            }
        }
        limits.awaitNumber(number);
        GraphResponse response;
        try {
            ObjectNode body = (ObjectNode) json.readTree(row.body());
            if (row.mediaId() != null) {
                if (!stillOurs(row, lease)) {
                    return;
                }
                media.attachUploaded(number, body, row.mediaId(), graph);
            }
            if (!stillOurs(row, lease)) {
                return;
            }
            response = graph.post(number, number.phoneNumberId() + "/messages", body);
        } catch (MediaFiles.UploadFailed e) {
            GraphError error = e.response.error();
            retryOrFail(row, lease, number, error.code(), e.response.status(), error.title(),
                error.detail());
            return;
        } catch (IOException e) {
            retryOrFail(row, lease, number, null, 0, "Network error", e.getMessage());
            return;
        }
        if (response.ok()) {
            succeed(row, lease, response);
        } else {
            GraphError error = response.error();
            retryOrFail(row, lease, number, error.code(), response.status(), error.title(),
                error.detail());
        }
    }

    /** One claim of rows: its own lease token, and until when each row is surely ours. */
    private static final class Claim {
        private final String token;
        private final Instant claimedUntil;
        private final Map<Long, Instant> renewedUntil = new HashMap<>();

        Claim(String token, Instant claimedUntil) {
            this.token = token;
            this.claimedUntil = claimedUntil;
        }

        Instant until(long rowId) {
            return renewedUntil.getOrDefault(rowId, claimedUntil);
        }
    }

    /**
     * Checks the lease just before a Graph call. While half of it is left (a margin for clocks
     * that differ between replicas) the row is surely ours; later the lease is renewed in the
     * database. A sender that waited past its lease (token wait, a paused number, a slow
     * upload) finds the row taken over or already sent, and leaves it alone: the message goes
     * out once.
     */
    private boolean stillOurs(OutboxRow row, Claim lease) {
        Instant now = clock.instant();
        if (now.isBefore(lease.until(row.id()).minus(lease().dividedBy(2)))) {
            return true;
        }
        Instant until = now.plus(lease());
        if (outbox.renew(row.id(), lease.token, until) == 1) {
            lease.renewedUntil.put(row.id(), until);
            return true;
        }
        LOG.info("Outbox row {} is no longer ours (lease ran out); not sending it", row.id());
        return false;
    }

    /** Settles the row and names its message, on one connection. */
    private void succeed(OutboxRow row, Claim lease, GraphResponse response) {
        jdbi.useHandle(handle -> {
            if (outbox.markSent(row.id(), lease.token, clock.instant()) == 0) {
                LOG.warn("Outbox row {} was sent but its lease had passed to another sender",
                    row.id());
            }
            String wamid = WebhookParser.text(response.body().path("messages").path(0), "id");
            if (row.messageId() != null && wamid != null) {
                listener.get().accepted(row.messageId(), wamid);
            }
        });
    }

    private void retryOrFail(OutboxRow row, Claim lease, BusinessNumber number, Integer code,
                             int status, String title, String detail) {
        RetryPolicy.Action action = RetryPolicy.classify(code, status);
        int attempts = row.attempts() + 1;
        String error = Columns.clipError((code == null ? "HTTP " + status : "#" + code) + " "
            + title + (detail == null ? "" : ": " + detail));
        if (action == RetryPolicy.Action.PERMANENT || attempts >= config.maxSendAttempts) {
            LOG.warn("Outbox row {} failed for good after {} attempt(s): {}", row.id(), attempts,
                error);
            fail(row, lease, new SendFailure(code, title, detail));
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
        outbox.retryAt(row.id(), lease.token, clock.instant().plus(wait), code, error,
            clock.instant());
    }

    private void fail(OutboxRow row, Claim lease, SendFailure failure) {
        int updated = outbox.fail(row.id(), lease.token, failure.code(),
            Columns.clipError(failure.title() + ": " + failure.detail()), clock.instant());
        if (updated == 1 && row.messageId() != null) {
            listener.get().failed(row.messageId(), failure);
        }
    }
}
