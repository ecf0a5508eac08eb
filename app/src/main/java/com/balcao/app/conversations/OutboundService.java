package com.balcao.app.conversations;

import com.balcao.app.realtime.EventType;
import com.balcao.app.config.Columns;
import com.balcao.app.auth.Staff;
import com.balcao.app.web.AppException;
import com.balcao.app.whatsapp.Outbox;
import com.balcao.app.whatsapp.Outgoing;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * An agent's send: checked (department, 24-hour window, WhatsApp's rules), then stored as a
 * message and an outbox row in one transaction. The same idempotency key twice gives back the
 * first message instead of sending again.
 */
public final class OutboundService {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private final Jdbi jdbi;
    private final ConversationQueries queries;
    private final Composer composer;
    private final Outbox outbox;
    private final ConversationEvents events;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final Clock clock;

    OutboundService(Jdbi jdbi, ConversationQueries queries, Composer composer, Outbox outbox,
                    ConversationEvents events, ObjectMapper json, ZoneId zone, Clock clock) {
        this.jdbi = jdbi;
        this.queries = queries;
        this.composer = composer;
        this.outbox = outbox;
        this.events = events;
        this.json = json;
        this.zone = zone;
        this.clock = clock;
    }

    /** The stored message, and whether this call created it (false for a repeated key). */
    public record Sent(MessageRow message, boolean created) {
    }

    public Sent send(Staff staff, String conversationId, SendRequest request,
                     String idempotencyKey) {
        ConversationRow conversation = queries.find(staff, conversationId);
        conversation.state().requireMaySend(staff);
        String key = cleanKey(idempotencyKey);
        MessageDao messages = jdbi.onDemand(MessageDao.class);
        if (key != null) {
            var existing = messages.findByKey(conversation.id(), key);
            if (existing.isPresent()) {
                return new Sent(existing.get(), false);
            }
        }
        Composer.Composed composed = composer.compose(request, conversation, messages,
            staff.id());
        requireWindow(conversation, composed);
        String context = request.replyTo() == null ? null
            : messages.findInConversation(conversation.id(), request.replyTo())
                .map(MessageRow::waMessageId).orElseThrow(() -> AppException.unprocessable(
                    "invalid_reply", "conversation_send_reply_unknown"));
        long id;
        try {
            id = store(staff, conversation, composed, context, key, request);
        } catch (UnableToExecuteStatementException e) {
            if (key != null && Columns.duplicate(e)) {
                return new Sent(messages.findByKey(conversation.id(), key).orElseThrow(), false);
            }
            throw e;
        }
        MessageRow row = announce(conversation, id);
        events.conversation(EventType.CONVERSATION_UPDATED, conversation);
        return new Sent(row, true);
    }

    /**
     * The template that opens a conversation staff start, written in the caller's transaction
     * (which also creates the conversation); returns the message's id. Without a reply window
     * only an approved template passes.
     */
    long writeOpening(Handle handle, Staff staff, ConversationRow conversation,
                      SendRequest request, String idempotencyKey) {
        Composer.Composed composed = composer.compose(request, conversation,
            handle.attach(MessageDao.class), staff.id());
        requireWindow(conversation, composed);
        return write(handle, staff, conversation, composed, null, cleanKey(idempotencyKey),
            request);
    }

    /** Refuses, as {@link #send} would, a request WhatsApp's rules reject; stores nothing. */
    void requireComposable(Staff staff, ConversationRow conversation, SendRequest request) {
        composer.compose(request, conversation, jdbi.onDemand(MessageDao.class), staff.id());
    }

    /** After the message's transaction: the outbox sends it and the panels show it. */
    MessageRow announce(ConversationRow conversation, long messageId) {
        outbox.wake();
        MessageRow row = jdbi.onDemand(MessageDao.class).find(messageId).orElseThrow();
        events.message(EventType.MESSAGE_CREATED, conversation, row);
        return row;
    }

    private long store(Staff staff, ConversationRow conversation, Composer.Composed composed,
                       String context, String key, SendRequest request) {
        return jdbi.inTransaction(handle -> write(handle, staff, conversation, composed, context,
            key, request));
    }

    private long write(Handle handle, Staff staff, ConversationRow conversation,
                       Composer.Composed composed, String context, String key,
                       SendRequest request) {
        Instant now = clock.instant();
        handle.attach(ConversationDao.class).touch(conversation.id(), now, now);
        NewMessage message = NewMessage.outbound(conversation.id(), composed.type(),
            composed.text(), composed.caption(), composed.mediaId(),
            shownContext(composed, context), write(request), staff.id(), key, now);
        long messageId = handle.attach(MessageDao.class).insert(message, now);
        outbox.enqueue(handle, messageId, conversation.waNumberId(), conversation.recipient(),
            composed.outgoing(), context, message.publicId());
        return messageId;
    }

    /** A reaction is shown on the message it reacts to; anything else on what it replies to. */
    private static String shownContext(Composer.Composed composed, String context) {
        return composed.outgoing() instanceof Outgoing.Reaction reaction
            ? reaction.targetWamid() : context;
    }

    /** Outside 24 hours from the customer's last message, only templates may be sent. */
    private void requireWindow(ConversationRow conversation, Composer.Composed composed) {
        if (composed.template()) {
            return;
        }
        if (!conversation.windowOpen(clock.instant())) {
            Instant last = conversation.lastInboundAt();
            String when = last == null ? "-" : SHOWN.format(last.atZone(zone));
            throw AppException.unprocessable("window_closed",
                "conversation_window_closed", when);
        }
    }

    /** Sends a read receipt for the customer's latest message. */
    void markRead(Staff staff, String conversationId) {
        ConversationRow conversation = queries.find(staff, conversationId);
        jdbi.onDemand(MessageDao.class).lastInbound(conversation.id())
            .ifPresent(message -> outbox.markRead(conversation.waNumberId(),
                conversation.recipient(), message.waMessageId()));
    }

    private static String cleanKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > 100) {
            throw AppException.unprocessable("invalid_idempotency_key",
                "conversation_idempotency_key");
        }
        return key.trim();
    }

    private String write(SendRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
