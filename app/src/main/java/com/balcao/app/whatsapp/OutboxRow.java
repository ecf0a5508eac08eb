package com.balcao.app.whatsapp;

/** A queued Graph API call: a message (or a read receipt) for one recipient. */
public record OutboxRow(long id, Long messageId, long waNumberId, String recipient, String kind,
                 String body, Long mediaId, int attempts) {
}
