package com.balcao.app.conversations;

import static com.balcao.app.realtime.EventType.CONVERSATION_ASSIGNED;
import static com.balcao.app.realtime.EventType.CONVERSATION_BOT;
import static com.balcao.app.realtime.EventType.CONVERSATION_CREATED;
import static com.balcao.app.realtime.EventType.CONVERSATION_REOPENED;
import static com.balcao.app.realtime.EventType.CONVERSATION_RESOLVED;
import static com.balcao.app.realtime.EventType.CONVERSATION_TRANSFERRED;
import static com.balcao.app.realtime.EventType.MESSAGE_CREATED;
import static com.balcao.app.realtime.EventType.QUEUE_CHANGED;
import static com.balcao.app.realtime.EventType.TYPING;

import com.balcao.app.realtime.Event;
import com.balcao.app.realtime.EventBus;
import com.balcao.app.realtime.EventType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces every change of a conversation or message on the event bus, with the ids and the
 * department/assignee that decide who may see it; a change that moves a department's queue is
 * followed by that queue's new counter. A failure to announce is logged and never undoes the
 * change, which is already committed.
 */
public final class ConversationEvents {
    private static final Set<EventType> QUEUE_MOVES = EnumSet.of(CONVERSATION_CREATED,
        CONVERSATION_ASSIGNED, CONVERSATION_TRANSFERRED, CONVERSATION_RESOLVED,
        CONVERSATION_REOPENED, CONVERSATION_BOT);
    private static final int PREVIEW = 80;
    private static final Logger LOG = LoggerFactory.getLogger(ConversationEvents.class);
    private final EventBus bus;
    private final QueueDao queues;
    private final ThreadLocal<List<Event>> gathered = new ThreadLocal<>();

    ConversationEvents(EventBus bus, QueueDao queues) {
        this.bus = bus;
        this.queues = queues;
    }

    /**
     * Publishes the events {@code announce} makes together, in their order and in one round
     * trip to the bus (a bot's turn: its messages, the conversation, the queue).
     */
    void together(Runnable announce) {
        if (gathered.get() != null) {
            announce.run();
            return;
        }
        List<Event> events = new ArrayList<>();
        gathered.set(events);
        try {
            announce.run();
        } finally {
            gathered.remove();
        }
        try {
            bus.publishAll(events);
        } catch (RuntimeException e) {
            LOG.warn("{} events not published: {}", events.size(), e.getMessage());
        }
    }

    /** Publishes now, or adds to the events gathered by {@link #together}. */
    private void emit(Event event) {
        List<Event> events = gathered.get();
        if (events != null) {
            events.add(event);
        } else {
            bus.publish(event);
        }
    }

    void conversation(EventType type, ConversationRow conversation) {
        publish(type, conversation, Map.of("conversationId", conversation.publicId()));
        queue(type, conversation.departmentId());
    }

    /** A change someone made by hand; their own panel already shows it. */
    public void changedBy(EventType type, ConversationRow conversation, long by) {
        publish(type, conversation, Map.of("conversationId", conversation.publicId(), "by", by));
        queue(type, conversation.departmentId());
    }

    /**
     * A conversation that changed hands: announced to its new audience and, when that differs,
     * to the previous one, whose lists must drop it. {@code by} is null for the app itself.
     */
    void moved(EventType type, ConversationRow before, ConversationRow after, Long by) {
        Map<String, Object> data = by == null ? Map.of("conversationId", after.publicId())
            : Map.of("conversationId", after.publicId(), "by", by);
        publish(type, after, data);
        if (!Objects.equals(before.departmentId(), after.departmentId())
            || !Objects.equals(before.assigneeId(), after.assigneeId())) {
            publish(type, before, data);
        }
        queue(type, after.departmentId());
        if (!Objects.equals(before.departmentId(), after.departmentId())) {
            queue(type, before.departmentId());
        }
    }

    /** The department's queue counter, to its staff, after a change that may have moved it. */
    private void queue(EventType type, Long departmentId) {
        if (departmentId == null || !QUEUE_MOVES.contains(type)) {
            return;
        }
        try {
            QueueDao.Waiting waiting = queues.of(departmentId);
            Map<String, Object> data = new HashMap<>();
            data.put("departmentId", departmentId);
            data.put("waiting", waiting.waiting());
            if (waiting.oldestWaitingSince() != null) {
                data.put("oldestWaitingSince", waiting.oldestWaitingSince().toString());
            }
            emit(Event.of(QUEUE_CHANGED, departmentId, null, data));
        } catch (RuntimeException e) {
            LOG.warn("Queue counter of department {} not published: {}", departmentId,
                e.getMessage());
        }
    }

    /** Someone is typing in a conversation; their name lets colleagues' panels say who. */
    void typing(ConversationRow conversation, long userId, String name) {
        publish(TYPING, conversation, Map.of("conversationId", conversation.publicId(),
            "userId", userId, "name", name));
    }

    void message(EventType type, ConversationRow conversation, MessageRow message) {
        message(type, conversation, message.publicId(), message.status(), message.direction());
    }

    /** A message event; {@code direction} lets panels notify on a customer's message. */
    void message(EventType type, ConversationRow conversation, String messageId,
                 MessageStatus status, Direction direction) {
        publish(type, conversation, Map.of("conversationId", conversation.publicId(),
            "messageId", messageId, "status", status.word(), "direction", direction.word()));
    }

    /** A message that changed (a tick, a failure, its file arrived). */
    void messageUpdated(MessageAudience message) {
        try {
            emit(Event.of(EventType.MESSAGE_UPDATED, message.departmentId(),
                message.assigneeId(), Map.of("conversationId", message.conversationId(),
                    "messageId", message.messageId(), "status", message.status().word(),
                    "direction", message.direction().word(), "contactName",
                    message.shownName())));
        } catch (RuntimeException e) {
            LOG.warn("Event {} not published: {}", EventType.MESSAGE_UPDATED, e.getMessage());
        }
    }

    /** Several messages that changed at once (the statuses of one webhook): one round trip. */
    void messagesUpdated(List<MessageAudience> messages) {
        together(() -> messages.forEach(this::messageUpdated));
    }

    /**
     * A customer's new message, with who wrote and a short preview: the panels' notifications
     * name the customer and show what they said.
     */
    void customerMessage(ConversationRow conversation, NewMessage message) {
        String text = message.body() != null && !message.body().isBlank() ? message.body()
            : message.caption() != null && !message.caption().isBlank() ? message.caption()
            : "[" + message.type() + "]";
        Map<String, Object> data = new HashMap<>();
        data.put("conversationId", conversation.publicId());
        data.put("messageId", message.publicId());
        data.put("status", message.status().word());
        data.put("direction", message.direction().word());
        data.put("preview", text.length() > PREVIEW ? text.substring(0, PREVIEW) + "…" : text);
        publish(MESSAGE_CREATED, conversation, data);
    }

    /** Every event names the customer, so a panel can say who without asking the server. */
    private void publish(EventType type, ConversationRow conversation, Map<String, Object> data) {
        try {
            Map<String, Object> named = new HashMap<>(data);
            named.put("contactName", contactName(conversation));
            emit(Event.of(type, conversation.departmentId(), conversation.assigneeId(), named));
        } catch (RuntimeException e) {
            LOG.warn("Event {} not published: {}", type, e.getMessage());
        }
    }

    private static String contactName(ConversationRow conversation) {
        String name = conversation.contactName();
        if (name != null && !name.isBlank()) {
            return name;
        }
        return conversation.phone() != null ? PhoneNumbers.display(conversation.phone()) : "";
    }
}
