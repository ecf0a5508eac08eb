package com.balcao.app.simulator;

import com.balcao.app.whatsapp.WhatsApp;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Meta's template review, in a second: a submitted template is stored PENDING, then approved
 * and announced with a {@code message_template_status_update} webhook.
 */
final class TemplateReview {
    private final FakeGraph graph;
    private final WebhookPoster poster;
    private final WhatsApp whatsApp;
    private final Clock clock;

    TemplateReview(FakeGraph graph, WebhookPoster poster, WhatsApp whatsApp, Clock clock) {
        this.graph = graph;
        this.poster = poster;
        this.whatsApp = whatsApp;
        this.clock = clock;
    }

    String submit(String wabaId, ObjectNode template) {
        String id = Long.toString(900_000_000_001_000L
            + ThreadLocalRandom.current().nextLong(1_000_000));
        template.put("id", id).put("status", "PENDING");
        graph.templates(wabaId).add(template);
        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> approve(wabaId,
            template));
        return id;
    }

    private void approve(String wabaId, ObjectNode template) {
        template.put("status", "APPROVED");
        ObjectNode value = JsonNodeFactory.instance.objectNode().put("event", "APPROVED")
            .put("message_template_id", Long.parseLong(template.path("id").asText()))
            .put("message_template_name", template.path("name").asText())
            .put("message_template_language", template.path("language").asText())
            .put("reason", "NONE")
            .put("message_template_category", template.path("category").asText("UTILITY"));
        whatsApp.numbers().stream().filter(number -> wabaId.equals(number.wabaId())).findFirst()
            .ifPresent(number -> poster.post(number.phoneNumberId(),
                "message_template_status_update", value, clock.instant().getEpochSecond()));
    }
}
