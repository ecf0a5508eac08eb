package com.balcao.app.conversations;

/** One status webhook as recorded for a wamid. */
public record RecordedStatus(MessageStatus status, Integer errorCode, String errorTitle,
                             String errorDetail) {
}
