package com.balcao.app.whatsapp;

/**
 * A stored webhook that processing it again will never fix (malformed JSON, not a webhook, an
 * unknown number, a message naming no sender): it is parked for an admin to look at.
 */
public final class UnprocessableWebhook extends RuntimeException {

    public UnprocessableWebhook(String message) {
        super(message);
    }
}
