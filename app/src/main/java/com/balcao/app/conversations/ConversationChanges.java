package com.balcao.app.conversations;

import com.balcao.app.realtime.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Runs a change of a conversation under its row lock: two people (or replicas) acting at once
 * take turns and the second sees the first one's result. A change that did something leaves a
 * system message in the timeline and is announced as an event.
 */
final class ConversationChanges {
    private final Jdbi jdbi;
    private final ConversationEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    ConversationChanges(Jdbi jdbi, ConversationEvents events, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** A change made under the conversation's lock; null when there is nothing to change. */
    interface Change {
        Note apply(Handle handle, ConversationRow locked, Instant now);
    }

    /** The system message a change leaves in the timeline: a text key and its arguments. */
    record Note(String key, List<String> args) {
        static Note of(String key, String... args) {
            return new Note(key, List.of(args));
        }
    }

    /**
     * Applies {@code change} to the locked row; {@code actorId} is who made it, null for the
     * app itself (distribution, the bot). {@code eventType} null announces only the message.
     */
    ConversationRow apply(long conversationId, Long actorId, EventType eventType,
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
            long id = messages.insert(NewMessage.system(locked.id(), note.key(),
                write(note.args()), actorId, now), now);
            return new Done(conversations.find(locked.id()).orElseThrow(),
                messages.find(id).orElseThrow());
        });
        if (done.message() != null) {
            events.message(EventType.MESSAGE_CREATED, done.row(), done.message());
            if (eventType != null) {
                events.conversation(eventType, done.row());
            }
        }
        return done.row();
    }

    /** Moves the owner state within a change: the one write every transition makes. */
    static void move(Handle handle, ConversationRow row, OwnerState to, Long departmentId,
                     Instant now) {
        handle.attach(HandlingDao.class).move(row.id(), to, departmentId, now);
    }

    private String write(List<String> args) {
        try {
            return json.writeValueAsString(Map.of("args", args));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
