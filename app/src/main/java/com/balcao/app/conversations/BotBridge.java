package com.balcao.app.conversations;

import com.balcao.app.config.Daos;
import com.balcao.app.realtime.EventType;
import com.balcao.app.whatsapp.Outbox;
import com.balcao.app.whatsapp.Outgoing;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What the bot may do to a conversation, and only while the bot owns it: the conversation is
 * locked (the lock a take over, transfer or resolve takes too) and its owner checked in the
 * same transaction that records the bot's messages and outbox rows. A take over that commits
 * first leaves the bot silent; one that waits for the lock comes after the bot's answer.
 */
public final class BotBridge {
    /** The sender_kind of the bot's messages (shown as the bot's in the chat and the API). */
    public static final String BOT = "bot";
    private final Jdbi jdbi;
    private final ConversationDao conversations;
    private final ConversationEvents events;
    private final Outbox outbox;
    private final Consumer<ConversationRow> queued;
    private final ObjectMapper json;
    private final Clock clock;
    private final Slot slot;
    private final BotTurns turns;

    BotBridge(Slot slot, BotTurns turns, Jdbi jdbi, ConversationEvents events, Outbox outbox,
              Consumer<ConversationRow> queued, ObjectMapper json, Clock clock) {
        this.slot = slot;
        this.turns = turns;
        this.jdbi = jdbi;
        this.conversations = jdbi.onDemand(ConversationDao.class);
        this.events = events;
        this.outbox = outbox;
        this.queued = queued;
        this.json = json;
        this.clock = clock;
    }

    /** Connects the bot: from now on it hears of customers' messages and returns to it. */
    public void plug(BotHook bot) {
        slot.hook = bot;
    }

    /** Where the bot's turns run, one conversation at a time, off the webhook workers. */
    public BotTurns turns() {
        return turns;
    }

    /** Holds the plugged bot for the recorder and the actions, built before the bridge. */
    static final class Slot {
        private volatile BotHook hook = BotHook.NONE;

        BotHook hook() {
            return hook;
        }
    }

    /** The conversation as the bot sees it. */
    public record Held(long id, String publicId, long contactId, String contactName,
                       Long departmentId, String departmentName, Instant lastInboundAt,
                       Instant createdAt) {
    }

    /** The bot's moves inside the locked transaction. */
    public interface Moves {
        Handle handle();

        /** Records a bot message and queues it for sending. */
        void send(Outgoing outgoing, String type, String body, String caption);

        /** Leaves the bot for a department's queue (or a person); null: the current one. */
        void toQueue(Long departmentId, Long personId, String departmentName);

        /** Closes the conversation. */
        void close();

        /** Puts a label on the conversation (created when the tenant has none of that name). */
        void label(String name);

        /** Stores an answer on the contact: "email", "nome" or a custom field. */
        void saveField(String name, String value);
    }

    /**
     * Runs {@code work} while the bot owns the conversation; false when it does not. On a lane
     * taking several turns together it joins their transaction, and what it announces waits
     * for that commit.
     */
    public boolean whileBotOwns(long conversationId, Work work) {
        BotTurns.Shared shared = turns.shared();
        if (shared != null) {
            Recorded recorded = hold(shared.handle(), conversationId, work);
            if (recorded != null) {
                shared.afterCommit().add(() -> announce(recorded));
            }
            return recorded != null;
        }
        Recorded recorded = jdbi.inTransaction(handle -> hold(handle, conversationId, work));
        if (recorded == null) {
            return false;
        }
        announce(recorded);
        return true;
    }

    private Recorded hold(Handle handle, long conversationId, Work work) {
        Daos.on(handle, HandlingDao.class).lock(conversationId);
        ConversationRow row = Daos.on(handle, ConversationDao.class).find(conversationId)
            .orElse(null);
        if (row == null || !row.state().mayBotSpeak()) {
            return null;
        }
        TxMoves moves = new TxMoves(handle, row);
        work.run(new Held(row.id(), row.publicId(), row.contactId(), row.contactName(),
            row.departmentId(), row.departmentName(), row.lastInboundAt(), row.createdAt()),
            moves);
        return moves.done();
    }

    /** The bot's work on a locked conversation. */
    @FunctionalInterface
    public interface Work {
        void run(Held conversation, Moves moves);
    }

    /** Who served this contact last (an earlier conversation someone held), if anyone. */
    public Optional<ConversationDao.Served> lastServed(long contactId,
                                                       long exceptConversationId) {
        return conversations.lastServed(contactId, exceptConversationId);
    }

    private record Recorded(ConversationRow before, ConversationRow after,
                            List<NewMessage> messages, EventType eventType) {
    }

    private void announce(Recorded recorded) {
        events.together(() -> {
            for (NewMessage message : recorded.messages()) {
                events.message(EventType.MESSAGE_CREATED, recorded.after(), message.publicId(),
                    message.status(), message.direction());
            }
            if (recorded.eventType() == null) {
                events.conversation(EventType.CONVERSATION_UPDATED, recorded.after());
                return;
            }
            events.conversation(recorded.eventType(), recorded.after());
            if (EventType.CONVERSATION_TRANSFERRED.equals(recorded.eventType())) {
                queued.accept(recorded.after());
            }
        });
        if (!recorded.messages().isEmpty()) {
            outbox.wake();
        }
    }

    private final class TxMoves implements Moves {
        private final Handle handle;
        private final ConversationRow row;
        private final List<NewMessage> messages = new ArrayList<>();
        private EventType eventType;
        private Instant lastSentAt;

        TxMoves(Handle handle, ConversationRow row) {
            this.handle = handle;
            this.row = row;
        }

        @Override
        public Handle handle() {
            return handle;
        }

        @Override
        public void send(Outgoing outgoing, String type, String body, String caption) {
            Instant now = clock.instant();
            NewMessage message = NewMessage.byBot(row.id(), type, body, caption, now);
            long id = Daos.on(handle, MessageDao.class).insert(message, now);
            messages.add(message);
            lastSentAt = now;
            outbox.enqueue(handle, id, row.waNumberId(), row.recipient(), outgoing, null,
                message.publicId());
        }

        @Override
        public void toQueue(Long departmentId, Long personId, String departmentName) {
            Instant now = clock.instant();
            Long target = departmentId != null ? departmentId : row.departmentId();
            OwnerState queued = row.state().botHandsOver();
            OwnerState next = personId == null ? queued
                : queued.autoAssign(personId, personName(personId));
            ConversationChanges.move(handle, row, next, target, now);
            note("system_bot_routed", departmentName == null ? "" : departmentName, now);
            eventType = EventType.CONVERSATION_TRANSFERRED;
        }

        @Override
        public void close() {
            Instant now = clock.instant();
            ConversationChanges.move(handle, row, row.state().botCloses(), row.departmentId(),
                now);
            note("system_bot_closed", "", now);
            eventType = EventType.CONVERSATION_RESOLVED;
        }

        @Override
        public void label(String name) {
            Instant now = clock.instant();
            handle.createUpdate("INSERT IGNORE INTO labels (name, color, created_at, updated_at) "
                + "VALUES (:name, '#64748b', :now, :now)").bind("name", name).bind("now", now)
                .execute();
            handle.createUpdate("INSERT IGNORE INTO conversation_labels (conversation_id, "
                + "label_id, created_at) SELECT :id, id, :now FROM labels WHERE name = :name")
                .bind("id", row.id()).bind("name", name).bind("now", now).execute();
        }

        @Override
        public void saveField(String name, String value) {
            ContactFieldsWriter.save(handle, json, row.contactId(), name, value, clock.instant());
        }

        private void note(String key, String arg, Instant now) {
            NewMessage system = NewMessage.system(row.id(), key, "{\"args\":[" + quote(arg)
                + "]}", null, now);
            Daos.on(handle, MessageDao.class).insert(system, now);
            messages.add(system);
        }

        private String personName(long personId) {
            return handle.createQuery("SELECT name FROM users WHERE id = :id")
                .bind("id", personId).mapTo(String.class).findOne().orElse("-");
        }

        private String quote(String text) {
            try {
                return json.writeValueAsString(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Dates the conversation by the turn's last message (once, however many it sent); it is
         * read again only when the bot moved it (else it is as locked).
         */
        Recorded done() {
            if (lastSentAt != null) {
                Daos.on(handle, ConversationDao.class).touch(row.id(), lastSentAt, lastSentAt);
            }
            ConversationRow after = eventType == null ? row : Daos.on(handle, ConversationDao.class)
                .find(row.id()).orElseThrow();
            return new Recorded(row, after, messages, eventType);
        }
    }
}
