package com.balcao.app.realtime;

/**
 * Every kind of event the server sends to panels and integrations, by the name it travels
 * under. {@code assets/js/live.js} routes each of them to the fragments it refreshes (its
 * {@code ROUTES} table); {@code LiveRoutesTest} fails when a type here has no route there.
 */
public enum EventType {
    CONVERSATION_CREATED("conversation.created"),
    CONVERSATION_UPDATED("conversation.updated"),
    CONVERSATION_ASSIGNED("conversation.assigned"),
    CONVERSATION_TRANSFERRED("conversation.transferred"),
    CONVERSATION_RESOLVED("conversation.resolved"),
    CONVERSATION_REOPENED("conversation.reopened"),
    CONVERSATION_BOT("conversation.bot"),
    CONVERSATION_READ("conversation.read"),
    TYPING("typing"),
    MESSAGE_CREATED("message.created"),
    MESSAGE_UPDATED("message.updated"),
    QUEUE_CHANGED("queue.changed"),
    PRESENCE_CHANGED("presence.changed"),
    /** The stream lost events it cannot replay: the page reloads. */
    RESYNC("resync");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    /** The name on the wire (the SSE event name and the webhook/API "type"). */
    public String wire() {
        return wire;
    }

    /** A conversation changed hands or state (not a message in it). */
    public boolean conversationChange() {
        return wire.startsWith("conversation.");
    }
}
