package com.balcao.app.conversations;

import com.balcao.app.auth.Tokens;
import com.balcao.app.whatsapp.InboundMessage;
import com.balcao.app.whatsapp.WhatsAppListener;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * What the owner typed in the WhatsApp Business app on the business phone (coexistence):
 * recorded once as an outbound message "from the business phone" and taken as a person's
 * reply, so the bot goes silent on that conversation. Echoes do not move the 24-hour window.
 */
final class EchoRecorder {
    static final String BUSINESS_PHONE = "business_phone";
    private final Jdbi jdbi;
    private final ConversationEvents events;
    private final Clock clock;

    EchoRecorder(Jdbi jdbi, ConversationEvents events, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.clock = clock;
    }

    void record(InboundMessage echo) {
        if (jdbi.onDemand(MessageDao.class).exists(echo.wamid())) {
            return;
        }
        ConversationDao conversations = jdbi.onDemand(ConversationDao.class);
        NumberRef number = conversations.number(echo.phoneNumberId())
            .orElseThrow(() -> new WhatsAppListener.Unprocessable("Unknown phone_number_id "
                + echo.phoneNumberId() + ": add this number in the WhatsApp settings"));
        String waId = PhoneNumbers.normalise(echo.waId());
        if (waId == null) {
            throw new WhatsAppListener.Unprocessable("Echo " + echo.wamid() + " names no customer");
        }
        Instant now = clock.instant();
        ContactDao contacts = jdbi.onDemand(ContactDao.class);
        contacts.upsert(Tokens.random(16), waId, null, null, null, null, waId, now);
        long contactId = contacts.idByWaId(waId).orElseThrow();
        long conversationId = conversations.findOpen(contactId, number.id())
            .map(ConversationRow::id).orElseGet(() -> open(conversations, contactId, number));
        String publicId = Tokens.random(16);
        Optional<Long> silenced;
        try {
            silenced = jdbi.inTransaction(handle -> {
                handle.attach(HandlingDao.class).lock(conversationId);
                ConversationRow row = handle.attach(ConversationDao.class).find(conversationId)
                    .orElseThrow();
                handle.attach(ConversationDao.class).touch(conversationId, echo.timestamp(), now);
                MessageDao messages = handle.attach(MessageDao.class);
                long id = messages.insert(publicId, conversationId, "outbound", echo.wamid(),
                    echo.type(), echo.text(), echo.caption(), null, echo.contextWamid(),
                    echo.rawJson(), "sent", StatusRank.of("sent"), null, null, echo.timestamp(),
                    now);
                handle.createUpdate("UPDATE messages SET sender_kind = :kind WHERE id = :id")
                    .bind("kind", BUSINESS_PHONE).bind("id", id).execute();
                if (!row.botActive()) {
                    return Optional.<Long>empty();
                }
                handle.createUpdate("UPDATE conversations SET bot_active = 0, updated_at = :now "
                    + "WHERE id = :id").bind("now", now).bind("id", conversationId).execute();
                return Optional.of(messages.insert(Tokens.random(16), conversationId,
                    ConversationActions.SYSTEM, null, ConversationActions.SYSTEM,
                    "system_business_phone_replied", null, null, null, "{\"args\":[]}",
                    StatusRank.RECORDED, 0, null, null, now, now));
            });
        } catch (UnableToExecuteStatementException e) {
            if (InboundRecorder.duplicate(e)) {
                return;
            }
            throw e;
        }
        ConversationRow conversation = conversations.find(conversationId).orElseThrow();
        MessageDao messages = jdbi.onDemand(MessageDao.class);
        messages.findInConversation(conversationId, publicId).ifPresent(row ->
            events.message(ConversationEvents.MESSAGE_CREATED, conversation, row));
        silenced.flatMap(messages::find).ifPresent(row ->
            events.message(ConversationEvents.MESSAGE_CREATED, conversation, row));
        events.conversation(silenced.isPresent() ? ConversationEvents.CONVERSATION_TRANSFERRED
            : ConversationEvents.CONVERSATION_UPDATED, conversation);
    }

    private long open(ConversationDao conversations, long contactId, NumberRef number) {
        Instant now = clock.instant();
        try {
            return conversations.insert(Tokens.random(16), contactId, number.id(),
                number.defaultDepartmentId(), false, now, now);
        } catch (UnableToExecuteStatementException e) {
            if (!InboundRecorder.duplicate(e)) {
                throw e;
            }
            return conversations.findOpen(contactId, number.id()).orElseThrow().id();
        }
    }
}
