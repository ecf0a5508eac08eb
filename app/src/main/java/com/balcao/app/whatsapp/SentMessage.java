package com.balcao.app.whatsapp;

/** Our message {@code messageId}, which the Graph API accepted and named {@code wamid}. */
public record SentMessage(long messageId, String wamid) {
}
