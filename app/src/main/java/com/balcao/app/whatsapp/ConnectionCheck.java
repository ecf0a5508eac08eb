package com.balcao.app.whatsapp;

import java.io.IOException;

/**
 * "Test connection": reads the number's profile from the Graph API with its token, which
 * proves the base URL, the version, the phone number id and the token together.
 */
final class ConnectionCheck {
    private final GraphClient graph;

    ConnectionCheck(GraphClient graph) {
        this.graph = graph;
    }

    /** The outcome as a message key and its arguments. */
    record Outcome(boolean ok, String messageKey, Object... args) {
    }

    Outcome check(BusinessNumber number) {
        if (number.accessToken() == null) {
            return new Outcome(false, "wa_test_no_token");
        }
        try {
            GraphResponse response = graph.get(number, number.phoneNumberId()
                + "?fields=display_phone_number,verified_name,quality_rating,throughput");
            if (!response.ok()) {
                GraphError error = response.error();
                return new Outcome(false, "wa_test_refused", error.code() == null
                    ? "HTTP " + response.status() : "#" + error.code(), error.title());
            }
            return new Outcome(true, "wa_test_ok",
                WebhookParser.text(response.body(), "verified_name"),
                WebhookParser.text(response.body(), "display_phone_number"),
                WebhookParser.text(response.body().path("throughput"), "level"));
        } catch (IOException e) {
            return new Outcome(false, "wa_test_unreachable", e.getMessage());
        }
    }
}
