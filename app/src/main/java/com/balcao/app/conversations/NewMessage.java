package com.balcao.app.conversations;

import com.balcao.app.auth.Tokens;
import java.time.Instant;

/**
 * A message about to be stored, named by what it is: a customer's, ours, a system entry or a
 * note. {@link MessageDao#insert} binds its fields by name. {@code senderKind}: who sent one of
 * ours when it was not a person of the panel ("bot", "business_phone"), else null.
 */
public record NewMessage(String publicId, long conversationId, Direction direction, String wamid,
                  String type, String body, String caption, Long mediaId, String contextWaId,
                  String payload, MessageStatus status, Long senderId, String idempotencyKey,
                  Instant sentAt, String senderKind) {

    /** The rank stored beside the status, so statuses only move up. */
    public int rank() {
        return status.rank();
    }

    /** A customer's message as WhatsApp delivered it ({@code payload}: the raw JSON). */
    static NewMessage inbound(long conversationId, String wamid, String type, String text,
                              String caption, Long mediaId, String contextWamid, String payload,
                              Instant sentAt) {
        return new NewMessage(Tokens.random(16), conversationId, Direction.INBOUND, wamid, type,
            text, caption, mediaId, contextWamid, payload, MessageStatus.RECEIVED, null, null,
            sentAt, null);
    }

    /** Our message, queued for the outbox; {@code payload} is the request as sent. */
    static NewMessage outbound(long conversationId, String type, String text, String caption,
                               Long mediaId, String contextWaId, String payload, Long senderId,
                               String idempotencyKey, Instant at) {
        return new NewMessage(Tokens.random(16), conversationId, Direction.OUTBOUND, null, type,
            text, caption, mediaId, contextWaId, payload, MessageStatus.QUEUED, senderId,
            idempotencyKey, at, null);
    }

    /** The bot's message (or one the business sends on its own), queued for the outbox. */
    static NewMessage byBot(long conversationId, String type, String text, String caption,
                            Instant at) {
        return new NewMessage(Tokens.random(16), conversationId, Direction.OUTBOUND, null, type,
            text, caption, null, null, null, MessageStatus.QUEUED, null, null, at, BotBridge.BOT);
    }

    /** What someone sent from the WhatsApp Business app on the business phone. */
    static NewMessage echo(long conversationId, String wamid, String type, String text,
                           String caption, String contextWamid, String payload, Instant sentAt) {
        return new NewMessage(Tokens.random(16), conversationId, Direction.OUTBOUND, wamid, type,
            text, caption, null, contextWamid, payload, MessageStatus.SENT, null, null, sentAt,
            EchoRecorder.BUSINESS_PHONE);
    }

    /** A change the app records: a text key, its arguments as JSON, who made it (or null). */
    static NewMessage system(long conversationId, String key, String argsJson, Long actorId,
                             Instant at) {
        return new NewMessage(Tokens.random(16), conversationId, Direction.SYSTEM, null,
            Direction.SYSTEM.word(), key, null, null, null, argsJson, MessageStatus.RECORDED,
            actorId, null, at, null);
    }

    /** A note among colleagues. */
    static NewMessage note(long conversationId, String text, long authorId, Instant at) {
        return new NewMessage(Tokens.random(16), conversationId, Direction.NOTE, null,
            Direction.NOTE.word(), text, null, null, null, null, MessageStatus.RECORDED,
            authorId, null, at, null);
    }
}
