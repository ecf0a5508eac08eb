package com.balcao.app.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays Meta's status webhooks for our messages: sent, delivered and read one delay apart (or
 * a failure). Statuses due together go out in one webhook per number, as Meta batches them; a
 * webhook the app did not take is delivered again later, as Meta does.
 */
final class StatusEcho implements Managed {
    private static final int BATCH = 200;
    private static final int ATTEMPTS = 8;
    private static final long MAX_BACKOFF_MILLIS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(StatusEcho.class);
    private final WebhookPoster poster;
    private final Phone phone;
    private final long delayMillis;
    private final Clock clock;
    private final Map<String, List<ObjectNode>> due = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    StatusEcho(WebhookPoster poster, Phone phone, long delayMillis, Clock clock) {
        this.poster = poster;
        this.phone = phone;
        this.delayMillis = delayMillis;
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "simulator-status");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::flush, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Schedules sent, delivered, read for an accepted message. */
    void accepted(String phoneNumberId, String wamid, String to, String callbackData) {
        List<String> statuses = List.of("sent", "delivered", "read");
        for (int i = 0; i < statuses.size(); i++) {
            String status = statuses.get(i);
            scheduler.schedule(() -> queue(phoneNumberId, status(wamid, status, to, callbackData)),
                delayMillis * (i + 1), TimeUnit.MILLISECONDS);
        }
    }

    /** Schedules a {@code failed} status carrying a Graph error. */
    void failed(String phoneNumberId, String wamid, String to, int code) {
        ObjectNode status = status(wamid, "failed", to, null);
        ObjectNode error = status.putArray("errors").addObject().put("code", code)
            .put("title", GraphFailures.title(code)).put("message", GraphFailures.title(code));
        error.putObject("error_data").put("details", "Simulated failure " + code);
        scheduler.schedule(() -> queue(phoneNumberId, status), delayMillis,
            TimeUnit.MILLISECONDS);
    }

    private ObjectNode status(String wamid, String status, String to, String callbackData) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", wamid)
            .put("status", status).put("timestamp", Long.toString(clock.instant()
                .getEpochSecond())).put("recipient_id", to);
        if (callbackData != null) {
            node.put("biz_opaque_callback_data", callbackData);
        }
        return node;
    }

    private void queue(String phoneNumberId, ObjectNode status) {
        phone.status(status.path("id").asText(), status.path("status").asText());
        due.computeIfAbsent(phoneNumberId, key -> new ArrayList<>());
        due.computeIfPresent(phoneNumberId, (key, list) -> {
            list.add(status);
            return list;
        });
    }

    private void flush() {
        for (String phoneNumberId : due.keySet()) {
            List<ObjectNode> batch = new ArrayList<>();
            due.computeIfPresent(phoneNumberId, (key, list) -> {
                batch.addAll(list.subList(0, Math.min(BATCH, list.size())));
                list.subList(0, batch.size()).clear();
                return list;
            });
            if (!batch.isEmpty()) {
                ObjectNode value = poster.messagesValue(phoneNumberId);
                value.putArray("statuses").addAll(batch);
                deliver(phoneNumberId, value, 1);
            }
        }
    }

    private void deliver(String phoneNumberId, ObjectNode value, int attempt) {
        int answer = poster.post(phoneNumberId, "messages", value, null);
        if (answer >= 200 && answer < 300) {
            return;
        }
        if (attempt >= ATTEMPTS) {
            LOG.warn("Simulator gave up a status webhook after {} attempts (last answer {})",
                attempt, answer);
            return;
        }
        long backoff = Math.min(MAX_BACKOFF_MILLIS, 500L << (attempt - 1));
        scheduler.schedule(() -> deliver(phoneNumberId, value, attempt + 1), backoff,
            TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
}
