package com.balcao.app.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one stored webhook body into work: each customer message and status goes to the
 * listener, each template update to the templates. Throws {@link Park} for a body that can
 * never be processed; any other exception means "try this row again later".
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

    /** A row that retrying will not fix; it is kept for an admin to look at. */
    static final class Park extends RuntimeException {
        Park(String message) {
            super(message);
        }
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
            throw new Park("malformed JSON: " + e.getMessage());
        }
        ParsedWebhook parsed;
        try {
            parsed = WebhookParser.parse(root, clock.instant());
        } catch (WebhookParser.NotAWebhook e) {
            throw new Park(e.getMessage());
        }
        try {
            parsed.messages().forEach(message -> listener().inbound(message));
            parsed.statuses().forEach(status -> listener().status(status));
            parsed.echoes().forEach(echo -> listener().echo(echo));
        } catch (WhatsAppListener.Unprocessable e) {
            throw new Park(e.getMessage());
        }
        parsed.templates().forEach(templates::apply);
        parsed.errors().forEach(error -> LOG.warn("WhatsApp reported an error: {}", error));
    }
}
