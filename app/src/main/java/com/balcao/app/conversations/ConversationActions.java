package com.balcao.app.conversations;

import com.balcao.app.realtime.EventType;
import com.balcao.app.config.Columns;
import com.balcao.app.auth.Staff;
import com.balcao.app.config.Deadlocks;
import com.balcao.app.conversations.ConversationChanges.Note;
import com.balcao.app.web.AppException;
import com.balcao.app.whatsapp.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * What staff do with a conversation: take over, return to the bot, resolve, reopen, transfer,
 * and leave internal notes. Each move goes through {@link OwnerState} under the conversation's
 * lock, so when two take over at once the second is told who has it.
 */
public final class ConversationActions {
    private static final int MAX_REASON = 500;
    private static final int MAX_NOTE = 4096;
    private final Jdbi jdbi;
    private final ConversationQueries queries;
    private final ConversationChanges changes;
    private final ConversationEvents events;
    private final Outbox outbox;
    private final BotBridge.Slot bot;
    private final Clock clock;

    ConversationActions(Jdbi jdbi, ConversationQueries queries, ConversationChanges changes,
                        ConversationEvents events, Outbox outbox, BotBridge.Slot bot,
                        Clock clock) {
        this.bot = bot;
        this.jdbi = jdbi;
        this.queries = queries;
        this.changes = changes;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The agent becomes the conversation's only holder; the bot stops answering. They took it
     * with the chat in front of them, so what was unread counts as read (blue ticks included).
     */
    public ConversationRow takeOver(Staff staff, String conversationId) {
        ConversationRow taken = change(staff, conversationId,
            EventType.CONVERSATION_ASSIGNED, (handle, row, now) -> {
                OwnerState next = row.state().takeOver(staff);
                if (row.heldBy(staff)) {
                    return null;
                }
                ConversationChanges.move(handle, row, next, row.departmentId(), now);
                return Note.of("system_taken_over", staff.name());
            });
        markRead(staff, taken);
        return jdbi.onDemand(ConversationDao.class).find(taken.id()).orElse(taken);
    }

    /** How an automatic assignment ended. */
    enum Assigned {
        /** The agent holds the conversation now. */
        YES,
        /** It left the department's queue meanwhile (taken, resolved, transferred…). */
        NOT_QUEUED,
        /** The agent left the department, was deactivated or has no free slot any more. */
        AGENT_UNAVAILABLE
    }

    /**
     * Gives a queued conversation of {@code departmentId} to one of its agents, on the
     * distribution's behalf. Like a take over it runs under the conversation's lock, and only
     * while it is in the queue; the agent is locked too and must still be below their maximum.
     * Read committed, so the count sees what another replica committed before releasing the
     * agent's lock (a repeatable read would count from a snapshot taken earlier).
     */
    Assigned assignTo(long conversationId, long departmentId, long userId) {
        AtomicReference<Assigned> outcome = new AtomicReference<>();
        Deadlocks.retry(() -> changes.apply(conversationId, null,
            EventType.CONVERSATION_ASSIGNED, TransactionIsolationLevel.READ_COMMITTED,
            (handle, row, now) -> {
                outcome.set(Assigned.NOT_QUEUED);
                if (!row.state().allows(OwnerAction.AUTO_ASSIGN)
                    || !Objects.equals(row.departmentId(), departmentId)) {
                    return null;
                }
                AssignmentDao assignment = handle.attach(AssignmentDao.class);
                Optional<AssignmentDao.Seat> seat = assignment.lockAgent(departmentId, userId)
                    .filter(agent -> assignment.holding(userId) < agent.maxConcurrent());
                if (seat.isEmpty()) {
                    outcome.set(Assigned.AGENT_UNAVAILABLE);
                    return null;
                }
                ConversationChanges.move(handle, row,
                    row.state().autoAssign(userId, seat.get().name()), departmentId, now);
                assignment.markAssigned(userId, now);
                outcome.set(Assigned.YES);
                return Note.of("system_auto_assigned", seat.get().name());
            }));
        return outcome.get();
    }

    /** The bot owns the conversation again and starts its flow over. */
    public ConversationRow returnToBot(Staff staff, String conversationId) {
        ConversationRow returned = change(staff, conversationId,
            EventType.CONVERSATION_BOT,
            (handle, row, now) -> {
                ConversationChanges.move(handle, row, row.state().returnToBot(staff),
                    row.departmentId(), now);
                return Note.of("system_returned_to_bot", staff.name());
            });
        bot.hook().returned(returned.id());
        return jdbi.onDemand(ConversationDao.class).find(returned.id()).orElse(returned);
    }

    public ConversationRow resolve(Staff staff, String conversationId) {
        return change(staff, conversationId, EventType.CONVERSATION_RESOLVED,
            (handle, row, now) -> {
                ConversationChanges.move(handle, row, row.state().resolve(staff),
                    row.departmentId(), now);
                return Note.of("system_resolved", staff.name());
            });
    }

    /** Opens a resolved conversation again, held by whoever reopens it. */
    public ConversationRow reopen(Staff staff, String conversationId) {
        try {
            return change(staff, conversationId, EventType.CONVERSATION_REOPENED,
                (handle, row, now) -> {
                    ConversationChanges.move(handle, row, row.state().reopen(staff),
                        row.departmentId(), now);
                    return Note.of("system_reopened", staff.name());
                });
        } catch (UnableToExecuteStatementException e) {
            if (Columns.duplicate(e)) {
                throw new InvalidTransition("reopen_newer_open",
                    "conversation_reopen_newer_open");
            }
            throw e;
        }
    }

    /**
     * Hands the conversation to another department and/or person, with an optional reason
     * the next holder reads in the timeline.
     */
    public ConversationRow transfer(Staff staff, String conversationId, Long departmentId,
                             Long assigneeId, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (departmentId == null && assigneeId == null) {
            throw AppException.unprocessable("transfer_target", "conversation_transfer_target");
        }
        if (why != null && why.codePointCount(0, why.length()) > MAX_REASON) {
            throw AppException.unprocessable("transfer_reason_long",
                "conversation_transfer_reason_long", MAX_REASON);
        }
        ConversationRow before = queries.find(staff, conversationId);
        ConversationRow after = changes.apply(before.id(), staff.id(), null,
            TransactionIsolationLevel.UNKNOWN, (handle, row, now) -> {
                OwnerState next = row.state().transfer(staff, assigneeId, null);
                HandlingDao handling = handle.attach(HandlingDao.class);
                String department = departmentId == null ? row.departmentName()
                    : handling.activeDepartment(departmentId).orElseThrow(() ->
                        AppException.unprocessable("transfer_unknown_department",
                            "conversation_transfer_unknown_department")).name();
                String person = assigneeId == null ? null : handling.activePerson(assigneeId)
                    .orElseThrow(() -> AppException.unprocessable("transfer_unknown_person",
                        "conversation_transfer_unknown_person")).name();
                ConversationChanges.move(handle, row, next, departmentId == null
                    ? row.departmentId() : departmentId, now);
                String target = person == null ? department
                    : department == null ? person : person + " (" + department + ")";
                return why == null ? Note.of("system_transferred", staff.name(), target)
                    : Note.of("system_transferred_reason", staff.name(), target, why);
            });
        events.moved(EventType.CONVERSATION_TRANSFERRED, before, after, staff.id());
        return after;
    }

    /** A note for colleagues, shown in the timeline and never sent to the customer. */
    public MessageRow note(Staff staff, String conversationId, String text) {
        ConversationRow conversation = queries.find(staff, conversationId);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw AppException.unprocessable("note_empty", "conversation_note_empty");
        }
        if (body.codePointCount(0, body.length()) > MAX_NOTE) {
            throw AppException.unprocessable("note_long", "conversation_note_long", MAX_NOTE);
        }
        Instant now = clock.instant();
        long id = jdbi.onDemand(MessageDao.class).insert(NewMessage.note(conversation.id(), body,
            staff.id(), now), now);
        MessageRow row = jdbi.onDemand(MessageDao.class).find(id).orElseThrow();
        events.message(EventType.MESSAGE_CREATED, conversation, row);
        return row;
    }

    /**
     * The holder read the conversation: its unread count goes to zero and the customer's phone
     * shows blue ticks on their latest message.
     */
    public void markRead(Staff staff, ConversationRow conversation) {
        if (conversation.unreadCount() == 0 || !conversation.heldBy(staff)) {
            return;
        }
        if (jdbi.onDemand(HandlingDao.class).markRead(conversation.id()) > 0) {
            jdbi.onDemand(MessageDao.class).lastInbound(conversation.id())
                .filter(message -> message.waMessageId() != null)
                .ifPresent(message -> outbox.markRead(conversation.waNumberId(),
                    conversation.recipient(), message.waMessageId()));
            events.conversation(EventType.CONVERSATION_READ, conversation);
        }
    }

    /** Tells colleagues on the same conversation that this person is typing. */
    public void typing(Staff staff, String conversationId) {
        ConversationRow conversation = queries.find(staff, conversationId);
        events.typing(conversation, staff.id(), staff.name());
    }

    private ConversationRow change(Staff staff, String conversationId, EventType eventType,
                                   ConversationChanges.Change change) {
        ConversationRow visible = queries.find(staff, conversationId);
        return changes.apply(visible.id(), staff.id(), eventType,
            TransactionIsolationLevel.UNKNOWN, change);
    }
}
