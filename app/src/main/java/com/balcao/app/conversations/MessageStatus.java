package com.balcao.app.conversations;

import com.balcao.app.config.StoredWord;
import java.util.Optional;

/**
 * Where a message is on its way, with the rank statuses only move up by: queued &lt; accepted
 * &lt; sent &lt; delivered &lt; read &lt; played. A failure sits at the rank of "sent" and keeps
 * Meta's error even if a later delivery wins. Stored as the word Meta uses ("delivered").
 */
public enum MessageStatus implements StoredWord {
    QUEUED(0),
    /** A customer's message as we received it. */
    RECEIVED(0),
    /** The Graph API took it and named it (a wamid). */
    ACCEPTED(1),
    SENT(2),
    FAILED(2),
    DELIVERED(3),
    READ(4),
    PLAYED(5),
    /** Notes and system messages: kept in the timeline, never sent. */
    RECORDED(0);

    private final int rank;

    MessageStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** A status a webhook reports, or empty for a word we do not know. */
    public static Optional<MessageStatus> reported(String word) {
        MessageStatus status = StoredWord.of(MessageStatus.class, word);
        return status == RECORDED ? Optional.empty() : Optional.ofNullable(status);
    }
}
