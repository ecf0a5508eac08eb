package com.balcao.app.conversations;

import com.balcao.app.realtime.EventType;
import com.balcao.app.auth.Tokens;
import com.balcao.app.config.Columns;
import com.balcao.app.whatsapp.InboundMessage;
import com.balcao.app.whatsapp.UnprocessableWebhook;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * What the owner typed in the WhatsApp Business app on the business phone (coexistence):
 * recorded once as an outbound message "from the business phone" and taken as a person's
 * reply ({@link ConversationOwners#businessPhoneReplied}), so the bot goes silent on that
 * conversation. Echoes do not move the 24-hour window.
 */
final class EchoRecorder {
    static final String BUSINESS_PHONE = "business_phone";
    private final Jdbi jdbi;
    private final ConversationEvents events;
    private final ConversationOwners owners;
    private final Clock clock;

    EchoRecorder(Jdbi jdbi, ConversationEvents events, ConversationOwners owners, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.owners = owners;
        this.clock = clock;
    }

    void record(InboundMessage echo) {
        if (jdbi.onDemand(MessageDao.class).exists(echo.wamid())) {
            return;
        }
        ConversationDao conversations = jdbi.onDemand(ConversationDao.class);
        NumberRef number = conversations.workingNumber(echo.phoneNumberId());
        String waId = PhoneNumbers.normalise(echo.waId());
        if (waId == null) {
            throw new UnprocessableWebhook("Echo " + echo.wamid() + " names no customer");
        }
        Instant now = clock.instant();
        ContactDao contacts = jdbi.onDemand(ContactDao.class);
        long contactId = Optional.ofNullable(contacts.upsert(Tokens.random(16), waId, null, null,
            null, null, waId, now)).or(() -> contacts.idByWaId(waId)).orElseThrow();
        long conversationId = conversations.findOpen(contactId, number.id())
            .map(ConversationRow::id).orElseGet(() -> open(conversations, contactId, number));
        NewMessage message = NewMessage.echo(conversationId, echo.wamid(), echo.type(),
            echo.text(), echo.caption(), echo.contextWamid(), echo.rawJson(), echo.timestamp());
        ConversationRow before = conversations.find(conversationId).orElseThrow();
        ConversationRow after;
        try {
            after = owners.businessPhoneReplied(conversationId, handle -> {
                handle.attach(ConversationDao.class).touch(conversationId, echo.timestamp(), now);
                handle.attach(MessageDao.class).insert(message, now);
            });
        } catch (UnableToExecuteStatementException e) {
            if (Columns.duplicate(e)) {
                return;
            }
            throw e;
        }
        events.message(EventType.MESSAGE_CREATED, after, message.publicId(),
            message.status(), message.direction());
        if (after.owner() == before.owner()) {
            events.conversation(EventType.CONVERSATION_UPDATED, after);
        }
    }

    private long open(ConversationDao conversations, long contactId, NumberRef number) {
        Instant now = clock.instant();
        try {
            return conversations.insert(NewConversation.byBusinessPhone(contactId, number.id(),
                number.defaultDepartmentId(), now), now);
        } catch (UnableToExecuteStatementException e) {
            if (!Columns.duplicate(e)) {
                throw e;
            }
            return conversations.findOpen(contactId, number.id()).orElseThrow().id();
        }
    }
}
