package com.balcao.app.conversations;

import com.balcao.app.auth.Staff;
import com.balcao.app.auth.Tokens;
import com.balcao.app.config.Deadlocks;
import com.balcao.app.web.AppException;
import com.balcao.app.whatsapp.Outbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * What staff do with a conversation: take over, return to the bot, resolve, reopen, transfer,
 * and leave internal notes. Each change locks the conversation, is recorded in its timeline as a
 * system message and announced as an event. Only one person holds a conversation: when two
 * take over at once, the second is told who has it.
 */
final class ConversationActions {
    static final String SYSTEM = "system";
    static final String NOTE = "note";
    private static final int MAX_REASON = 500;
    private static final int MAX_NOTE = 4096;
    private final Jdbi jdbi;
    private final ConversationQueries queries;
    private final ConversationEvents events;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final BotBridge.Slot bot;
    private final Clock clock;

    ConversationActions(Jdbi jdbi, ConversationQueries queries, ConversationEvents events,
                        Outbox outbox, ObjectMapper json, BotBridge.Slot bot, Clock clock) {
        this.bot = bot;
        this.jdbi = jdbi;
        this.queries = queries;
        this.events = events;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The agent becomes the conversation's only holder; the bot stops answering. They took it
     * with the chat in front of them, so what was unread counts as read (blue ticks included).
     */
    ConversationRow takeOver(Staff staff, String conversationId) {
        ConversationRow taken = change(staff, conversationId,
            ConversationEvents.CONVERSATION_ASSIGNED, (handle, row, now) -> {
                requireOpen(row);
                if (row.assigneeId() != null && row.assigneeId() != staff.id()) {
                    throw heldBy(row);
                }
                if (row.assigneeId() != null) {
                    return null;
                }
                handle.attach(HandlingDao.class).assign(row.id(), staff.id(), now);
                return new Note("system_taken_over", List.of(staff.name()));
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
     * while nobody holds it; the agent is locked too and must still be below their maximum.
     * Read committed, so the count sees what another replica committed before releasing the
     * agent's lock (a repeatable read would count from a snapshot taken earlier).
     */
    Assigned assignTo(long conversationId, long departmentId, long userId) {
        AtomicReference<Assigned> outcome = new AtomicReference<>();
        Deadlocks.retry(() -> changeLocked(conversationId, null,
            ConversationEvents.CONVERSATION_ASSIGNED, TransactionIsolationLevel.READ_COMMITTED,
            (handle, row, now) -> {
                outcome.set(Assigned.NOT_QUEUED);
                if (!row.open() || row.assigneeId() != null || row.botActive()
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
                handle.attach(HandlingDao.class).assign(row.id(), userId, now);
                assignment.markAssigned(userId, now);
                outcome.set(Assigned.YES);
                return new Note("system_auto_assigned", List.of(seat.get().name()));
            }));
        return outcome.get();
    }

    /** The bot owns the conversation again and starts its flow over. */
    ConversationRow returnToBot(Staff staff, String conversationId) {
        ConversationRow returned = change(staff, conversationId,
            ConversationEvents.CONVERSATION_BOT, (handle, row, now) -> {
                requireOpen(row);
                requireMayAct(staff, row);
                handle.attach(HandlingDao.class).toBot(row.id(), now);
                return new Note("system_returned_to_bot", List.of(staff.name()));
            });
        bot.hook().returned(returned.id());
        return jdbi.onDemand(ConversationDao.class).find(returned.id()).orElse(returned);
    }

    ConversationRow resolve(Staff staff, String conversationId) {
        return change(staff, conversationId, ConversationEvents.CONVERSATION_RESOLVED,
            (handle, row, now) -> {
                requireOpen(row);
                requireMayAct(staff, row);
                handle.attach(HandlingDao.class).resolve(row.id(), now);
                return new Note("system_resolved", List.of(staff.name()));
            });
    }

    /** Opens a resolved conversation again, held by whoever reopens it. */
    ConversationRow reopen(Staff staff, String conversationId) {
        try {
            return change(staff, conversationId, ConversationEvents.CONVERSATION_REOPENED,
                (handle, row, now) -> {
                    if (row.open()) {
                        throw conflict("conversation_already_open");
                    }
                    handle.attach(HandlingDao.class).reopen(row.id(), staff.id(), now);
                    return new Note("system_reopened", List.of(staff.name()));
                });
        } catch (UnableToExecuteStatementException e) {
            if (InboundRecorder.duplicate(e)) {
                throw conflict("conversation_reopen_newer_open");
            }
            throw e;
        }
    }

    /**
     * Hands the conversation to another department and/or person, with an optional reason
     * the next holder reads in the timeline.
     */
    ConversationRow transfer(Staff staff, String conversationId, Long departmentId,
                             Long assigneeId, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (departmentId == null && assigneeId == null) {
            throw invalid("conversation_transfer_target");
        }
        if (why != null && why.codePointCount(0, why.length()) > MAX_REASON) {
            throw invalid("conversation_transfer_reason_long", MAX_REASON);
        }
        ConversationRow before = queries.find(staff, conversationId);
        ConversationRow after = change(staff, conversationId,
            ConversationEvents.CONVERSATION_TRANSFERRED, (handle, row, now) -> {
                requireOpen(row);
                requireMayAct(staff, row);
                HandlingDao handling = handle.attach(HandlingDao.class);
                String department = departmentId == null ? row.departmentName()
                    : handling.activeDepartment(departmentId).orElseThrow(() ->
                        invalid("conversation_transfer_unknown_department")).name();
                String person = assigneeId == null ? null : handling.activePerson(assigneeId)
                    .orElseThrow(() -> invalid("conversation_transfer_unknown_person")).name();
                handling.transfer(row.id(), departmentId == null ? row.departmentId()
                    : departmentId, assigneeId, now);
                String target = person == null ? department
                    : department == null ? person : person + " (" + department + ")";
                return why == null ? new Note("system_transferred", List.of(staff.name(), target))
                    : new Note("system_transferred_reason", List.of(staff.name(), target, why));
            });
        events.moved(ConversationEvents.CONVERSATION_TRANSFERRED, before, after, staff.id());
        return after;
    }

    /** A note for colleagues, shown in the timeline and never sent to the customer. */
    MessageRow note(Staff staff, String conversationId, String text) {
        ConversationRow conversation = queries.find(staff, conversationId);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw invalid("conversation_note_empty");
        }
        if (body.codePointCount(0, body.length()) > MAX_NOTE) {
            throw invalid("conversation_note_long", MAX_NOTE);
        }
        Instant now = clock.instant();
        long id = jdbi.onDemand(MessageDao.class).insert(Tokens.random(16), conversation.id(),
            NOTE, null, NOTE, body, null, null, null, null, StatusRank.RECORDED, 0, staff.id(),
            null, now, now);
        MessageRow row = jdbi.onDemand(MessageDao.class).find(id).orElseThrow();
        events.message(ConversationEvents.MESSAGE_CREATED, conversation, row);
        return row;
    }

    /**
     * The holder read the conversation: its unread count goes to zero and the customer's phone
     * shows blue ticks on their latest message.
     */
    void markRead(Staff staff, ConversationRow conversation) {
        if (conversation.unreadCount() == 0 || conversation.assigneeId() == null
            || conversation.assigneeId() != staff.id()) {
            return;
        }
        if (jdbi.onDemand(HandlingDao.class).markRead(conversation.id()) > 0) {
            jdbi.onDemand(MessageDao.class).lastInbound(conversation.id())
                .filter(message -> message.waMessageId() != null)
                .ifPresent(message -> outbox.markRead(conversation.waNumberId(),
                    conversation.recipient(), message.waMessageId()));
            events.conversation(ConversationEvents.CONVERSATION_READ, conversation);
        }
    }

    /** Tells colleagues on the same conversation that this person is typing. */
    void typing(Staff staff, String conversationId) {
        ConversationRow conversation = queries.find(staff, conversationId);
        events.typing(conversation, staff.id(), staff.name());
    }

    /** A change made under the conversation's lock; null when there is nothing to change. */
    private interface Change {
        Note apply(Handle handle, ConversationRow locked, Instant now);
    }

    /** The system message a change leaves in the timeline: a text key and its arguments. */
    private record Note(String key, List<String> args) {
    }

    private ConversationRow change(Staff staff, String conversationId, String eventType,
                                   Change change) {
        ConversationRow visible = queries.find(staff, conversationId);
        return changeLocked(visible.id(), staff.id(), eventType,
            TransactionIsolationLevel.UNKNOWN, change);
    }

    /** {@code actorId} is who made the change, null for the app itself. */
    private ConversationRow changeLocked(long conversationId, Long actorId, String eventType,
                                         TransactionIsolationLevel isolation, Change change) {
        record Done(ConversationRow row, MessageRow message) {
        }
        Done done = jdbi.inTransaction(isolation, handle -> {
            handle.attach(HandlingDao.class).lock(conversationId);
            ConversationDao conversations = handle.attach(ConversationDao.class);
            ConversationRow locked = conversations.find(conversationId).orElseThrow();
            Instant now = clock.instant();
            Note note = change.apply(handle, locked, now);
            if (note == null) {
                return new Done(locked, null);
            }
            MessageDao messages = handle.attach(MessageDao.class);
            long id = messages.insert(Tokens.random(16), locked.id(), SYSTEM, null, SYSTEM,
                note.key(), null, null, null, write(note.args()), StatusRank.RECORDED, 0,
                actorId, null, now, now);
            return new Done(conversations.find(locked.id()).orElseThrow(),
                messages.find(id).orElseThrow());
        });
        if (done.message() != null) {
            events.message(ConversationEvents.MESSAGE_CREATED, done.row(), done.message());
            if (!ConversationEvents.CONVERSATION_TRANSFERRED.equals(eventType)) {
                events.conversation(eventType, done.row());
            }
        }
        return done.row();
    }

    /** Someone else's conversation is theirs to act on, unless a supervisor steps in. */
    private static void requireMayAct(Staff staff, ConversationRow row) {
        if (row.assigneeId() != null && row.assigneeId() != staff.id()
            && !staff.isSupervisorOrAdmin()) {
            throw heldBy(row);
        }
    }

    private static void requireOpen(ConversationRow row) {
        if (!row.open()) {
            throw conflict("conversation_closed");
        }
    }

    static AppException heldBy(ConversationRow row) {
        return new AppException(Response.Status.CONFLICT, "conversation_taken",
            "conversation_taken_by", row.assigneeName());
    }

    private static AppException conflict(String key) {
        return new AppException(Response.Status.CONFLICT, key.replace("conversation_", ""), key);
    }

    private static AppException invalid(String key, Object... args) {
        return new AppException(AppException.UNPROCESSABLE, key.replace("conversation_", ""),
            key, args);
    }

    private String write(List<String> args) {
        try {
            return json.writeValueAsString(Map.of("args", args));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
