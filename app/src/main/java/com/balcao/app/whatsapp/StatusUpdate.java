package com.balcao.app.whatsapp;

import java.time.Instant;

/**
 * A status webhook for one of our messages. Error fields are set on {@code failed} only;
 * {@code callbackData} echoes what we sent as {@code biz_opaque_callback_data} (our message's
 * public id), which lets a status find its message even before the send was recorded.
 */
public record StatusUpdate(String phoneNumberId, String wamid, String status, Instant timestamp,
                           String recipientId, Integer errorCode, String errorTitle,
                           String errorDetail, String callbackData) {
}
