package com.balcao.app.conversations;

import com.balcao.app.realtime.EventType;
import com.balcao.app.conversations.ConversationChanges.Note;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The owner moves the app makes by itself, for the bot and other automatic features: whether
 * the bot may speak, the bot handing a customer over to a department's queue, and a person's
 * reply from the business phone stopping the bot. Each goes through {@link OwnerState} under
 * the conversation's lock, leaves a system message and is announced like a person's action.
 */
public final class ConversationOwners {
    private final ConversationDao conversations;
    private final HandlingDao handling;
    private final ConversationChanges changes;
    private final ConversationEvents events;

    ConversationOwners(ConversationDao conversations, HandlingDao handling,
                       ConversationChanges changes, ConversationEvents events) {
        this.conversations = conversations;
        this.handling = handling;
        this.changes = changes;
        this.events = events;
    }

    /** The conversation's owner state now; empty for an unknown id. */
    public Optional<OwnerState> stateOf(long conversationId) {
        return conversations.find(conversationId).map(ConversationRow::state);
    }

    /** The one rule for automatic answers: only while the bot owns the conversation. */
    public boolean mayBotSpeak(long conversationId) {
        return stateOf(conversationId).map(OwnerState::mayBotSpeak).orElse(false);
    }

    /**
     * The bot passes the customer to a department's queue ({@code departmentId} null keeps the
     * conversation's own). Throws {@link InvalidTransition} unless the bot owns it.
     */
    public ConversationRow botHandsOver(long conversationId, Long departmentId) {
        ConversationRow before = conversations.find(conversationId).orElseThrow();
        String department = departmentId == null ? null : handling.activeDepartment(departmentId)
            .orElseThrow(() -> new IllegalArgumentException("No active department "
                + departmentId)).name();
        ConversationRow after = changes.apply(conversationId, null, null,
            TransactionIsolationLevel.UNKNOWN, (handle, row, now) -> {
                Long target = departmentId == null ? row.departmentId() : departmentId;
                ConversationChanges.move(handle, row, row.state().botHandsOver(), target, now);
                String name = department != null ? department
                    : row.departmentName() == null ? "-" : row.departmentName();
                return Note.of("system_bot_handed_over", name);
            });
        events.moved(EventType.CONVERSATION_TRANSFERRED, before, after, null);
        return after;
    }

    /**
     * Someone answered from the WhatsApp Business app on the phone: the bot stops and the
     * conversation leaves the queue, held by the phone until someone in the panel takes it
     * over; a person holding it keeps it. {@code record} writes
     * their message in the same locked transaction, so nobody sees the reply while the bot
     * still owns the conversation.
     */
    public ConversationRow businessPhoneReplied(long conversationId, Consumer<Handle> record) {
        return changes.apply(conversationId, null, EventType.CONVERSATION_TRANSFERRED,
            TransactionIsolationLevel.UNKNOWN, (handle, row, now) -> {
                record.accept(handle);
                OwnerState next = row.state().businessPhoneReplied();
                if (next.owner() == row.owner()) {
                    return null;
                }
                ConversationChanges.move(handle, row, next, row.departmentId(), now);
                return Note.of("system_business_phone_replied");
            });
    }
}
