package com.balcao.app.whatsapp;

import java.time.Instant;

/** A stored webhook call: the raw body exactly as Meta signed it. */
public record WebhookRow(long id, String state, byte[] body, int attempts, String error,
                Instant receivedAt) {
}
