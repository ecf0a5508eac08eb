package com.balcao.app.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stored webhook bodies into work: each customer message goes to the listener, the
 * statuses of several bodies to it in one batch, each template update to the templates.
 * Throws {@link UnprocessableWebhook} for a body that can never be processed; any other
 * exception means "try this row again later".
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

    /** Reads a stored body; throws {@link UnprocessableWebhook} when it can never be read. */
    ParsedWebhook parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new UnprocessableWebhook("malformed JSON: " + e.getMessage());
        }
        return WebhookParser.parse(root, clock.instant());
    }

    /** Everything but the statuses, which go in one batch for several bodies. */
    void handle(ParsedWebhook parsed) {
        parsed.messages().forEach(message -> listener().inbound(message));
        parsed.echoes().forEach(echo -> listener().echo(echo));
        parsed.templates().forEach(update -> templates.apply(update));
        parsed.errors().forEach(error -> LOG.warn("WhatsApp reported an error: {}", error));
    }

    void statuses(List<StatusUpdate> statuses) {
        if (!statuses.isEmpty()) {
            listener().statuses(statuses);
        }
    }
}
