package com.balcao.app.conversations;

/**
 * Who a conversation is with; exactly one at a time. {@link OwnerState} holds the moves
 * between them and their guards.
 */
public enum ConversationOwner {
    /** An automatic flow (or the AI) answers the customer. */
    BOT,
    /** Waits in its department's queue; nobody holds it. */
    QUEUE,
    /** One person holds it; only they write to the customer. */
    AGENT,
    /** Resolved: takes no reply until reopened. */
    CLOSED;

    public boolean open() {
        return this != CLOSED;
    }

    /** The bot speaks only while it owns the conversation. */
    public boolean mayBotSpeak() {
        return this == BOT;
    }

    /** The API's and the contact panel's older word for it: "open" or "resolved". */
    public String status() {
        return open() ? "open" : "resolved";
    }
}
