package com.balcao.app.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one stored webhook body into work: each customer message and status goes to the
 * listener, each template update to the templates. Throws {@link UnprocessableWebhook} for a
 * body that can never be processed; any other exception means "try this row again later".
 */
final class WebhookDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private final ObjectMapper json;
    private final Templates templates;
    private final Clock clock;
    private volatile WhatsAppListener listener;

    WebhookDispatcher(ObjectMapper json, Templates templates, Clock clock) {
        this.json = json;
        this.templates = templates;
        this.clock = clock;
    }

    void listener(WhatsAppListener listener) {
        this.listener = listener;
    }

    WhatsAppListener listener() {
        if (listener == null) {
            throw new IllegalStateException("No WhatsApp listener registered");
        }
        return listener;
    }

    void handle(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new UnprocessableWebhook("malformed JSON: " + e.getMessage());
        }
        ParsedWebhook parsed = WebhookParser.parse(root, clock.instant());
        parsed.messages().forEach(message -> listener().inbound(message));
        parsed.statuses().forEach(status -> listener().status(status));
        parsed.echoes().forEach(echo -> listener().echo(echo));
        parsed.templates().forEach(templates::apply);
        parsed.errors().forEach(error -> LOG.warn("WhatsApp reported an error: {}", error));
    }
}
