package com.balcao.app.conversations;

import com.balcao.app.realtime.Event;
import com.balcao.app.realtime.EventBus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces every change of a conversation or message on the event bus, with the ids and the
 * department/assignee that decide who may see it. A failure to announce is logged and never
 * undoes the change, which is already committed.
 */
final class ConversationEvents {
    static final String CONVERSATION_CREATED = "conversation.created";
    static final String CONVERSATION_UPDATED = "conversation.updated";
    static final String MESSAGE_CREATED = "message.created";
    static final String MESSAGE_UPDATED = "message.updated";
    private static final Logger LOG = LoggerFactory.getLogger(ConversationEvents.class);
    private final EventBus bus;

    ConversationEvents(EventBus bus) {
        this.bus = bus;
    }

    void conversation(String type, ConversationRow conversation) {
        publish(type, conversation, Map.of("conversationId", conversation.publicId()));
    }

    void message(String type, ConversationRow conversation, MessageRow message) {
        message(type, conversation, message.publicId(), message.status(), message.direction());
    }

    /** A message event; {@code direction} (inbound/outbound) lets panels notify on arrivals. */
    void message(String type, ConversationRow conversation, String messageId, String status,
                 String direction) {
        publish(type, conversation, Map.of("conversationId", conversation.publicId(),
            "messageId", messageId, "status", status, "direction", direction));
    }

    private void publish(String type, ConversationRow conversation, Map<String, Object> data) {
        try {
            bus.publish(Event.of(type, conversation.departmentId(), conversation.assigneeId(),
                data));
        } catch (RuntimeException e) {
            LOG.warn("Event {} not published: {}", type, e.getMessage());
        }
    }
}
