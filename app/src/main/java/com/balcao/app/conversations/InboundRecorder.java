package com.balcao.app.conversations;

import com.balcao.app.realtime.EventType;
import com.balcao.app.auth.Tokens;
import com.balcao.app.config.Columns;
import com.balcao.app.whatsapp.InboundMessage;
import com.balcao.app.whatsapp.MediaFiles;
import com.balcao.app.whatsapp.SendFailure;
import com.balcao.app.whatsapp.StatusUpdate;
import com.balcao.app.whatsapp.UnprocessableWebhook;
import com.balcao.app.whatsapp.WhatsAppListener;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what WhatsApp tells us: a customer's message becomes (once, whatever the replays) a
 * message in the contact's open conversation; statuses move our messages forward only.
 */
final class InboundRecorder implements WhatsAppListener {
    private static final Logger LOG = LoggerFactory.getLogger(InboundRecorder.class);
    private final Jdbi jdbi;
    private final MediaFiles media;
    private final ConversationEvents events;
    private final Consumer<ConversationRow> newConversation;
    private final BotBridge.Slot bot;
    private final BotTurns turns;
    private final EchoRecorder echoes;
    private final Clock clock;

    /** {@code newConversation} hears of each one once recorded (automatic distribution). */
    InboundRecorder(Jdbi jdbi, MediaFiles media, ConversationEvents events,
                    Consumer<ConversationRow> newConversation, BotBridge.Slot bot,
                    BotTurns turns, EchoRecorder echoes, Clock clock) {
        this.turns = turns;
        this.echoes = echoes;
        this.jdbi = jdbi;
        this.media = media;
        this.events = events;
        this.newConversation = newConversation;
        this.bot = bot;
        this.clock = clock;
    }

    @Override
    public void inbound(InboundMessage message) {
        MessageDao messages = jdbi.onDemand(MessageDao.class);
        Optional<MessageRow> replayed = messages.findByWamid(message.wamid());
        if (replayed.isPresent()) {
            answer(replayed.get().conversationId(), replayed.get().id(), message);
            return;
        }
        ConversationDao conversations = jdbi.onDemand(ConversationDao.class);
        NumberRef number = conversations.workingNumber(message.phoneNumberId());
        long contactId = contact(message);
        Opened opened = openConversation(conversations, contactId, number, message.timestamp());
        Optional<Stored> stored = store(message, opened.conversation().id(), number.id());
        if (stored.isEmpty()) {
            return;
        }
        if (message.media() != null) {
            media.wake();
        }
        ConversationRow conversation = opened.conversation();
        events.conversation(opened.created() ? EventType.CONVERSATION_CREATED
            : EventType.CONVERSATION_UPDATED, conversation);
        events.customerMessage(conversation, stored.get().message());
        if (opened.created()) {
            announceOpened(conversation);
        }
        if (conversation.botActive()) {
            // Owned by someone else now: a later hand-back to the bot restarts its flow, and
            // one that raced this message is caught up by the bot's sweep.
            answer(conversation.id(), stored.get().id(), message);
        }
    }

    /**
     * The bot's turn, after the message is committed, on the bot's own threads: the webhook
     * worker goes on recording. A failed turn is logged and the conversation left as is.
     */
    private void answer(long conversationId, long messageId, InboundMessage message) {
        turns.submit(conversationId, () -> bot.hook().inbound(conversationId, messageId,
            message));
    }

    /**
     * The message is stored and must stay acknowledged whatever happens next: a failure here
     * (say, Redis down for presence) only leaves the conversation in the queue for the sweep.
     */
    private void announceOpened(ConversationRow conversation) {
        try {
            newConversation.accept(conversation);
        } catch (RuntimeException e) {
            LOG.warn("Conversation {} left in the queue: {}", conversation.publicId(),
                e.toString());
        }
    }

    private long contact(InboundMessage message) {
        ContactDao contacts = jdbi.onDemand(ContactDao.class);
        String waId = PhoneNumbers.normalise(message.waId());
        if (waId == null && message.userId() == null) {
            throw new UnprocessableWebhook("Message " + message.wamid() + " names no sender");
        }
        contacts.upsert(Tokens.random(16), waId, message.userId(), message.parentUserId(),
            message.profileName(), message.username(), waId, clock.instant());
        return (waId != null ? contacts.idByWaId(waId) : contacts.idByUserId(message.userId()))
            .orElseThrow();
    }

    /** The open conversation, or a new one; a concurrent opener's row wins the unique key. */
    private record Opened(ConversationRow conversation, boolean created) {
    }

    private Opened openConversation(ConversationDao conversations, long contactId,
                                    NumberRef number, Instant at) {
        Optional<ConversationRow> open = conversations.findOpen(contactId, number.id());
        if (open.isPresent()) {
            open.get().state().customerWrote();
            return new Opened(open.get(), false);
        }
        try {
            boolean botAnswers = bot.hook().takesNewConversations();
            // Without the bot, a returning customer goes back to the department that served
            // them (the bot asks them first instead).
            Long department = botAnswers ? number.defaultDepartmentId()
                : conversations.lastServed(contactId, 0).map(ConversationDao.Served::departmentId)
                    .orElse(number.defaultDepartmentId());
            long id = conversations.insert(NewConversation.byCustomer(contactId, number.id(),
                department, botAnswers, at), clock.instant());
            return new Opened(conversations.find(id).orElseThrow(), true);
        } catch (UnableToExecuteStatementException e) {
            if (!Columns.duplicate(e)) {
                throw e;
            }
            return new Opened(conversations.findOpen(contactId, number.id()).orElseThrow(), false);
        }
    }

    /** A stored customer's message and its row id. */
    private record Stored(NewMessage message, long id) {
    }

    /** Inserts the message (and its media) in one transaction; empty when already stored. */
    private Optional<Stored> store(InboundMessage message, long conversationId,
                                   long numberId) {
        try {
            return Optional.of(jdbi.inTransaction(handle -> {
                // The conversation row is locked first: inserting a message only share-locks
                // it (foreign key), and two workers upgrading that lock would deadlock.
                handle.attach(ConversationDao.class).touchInbound(conversationId,
                    message.timestamp(), clock.instant());
                Long mediaId = message.media() == null ? null
                    : media.registerInbound(handle, numberId, message.media());
                NewMessage row = NewMessage.inbound(conversationId, message.wamid(),
                    message.type(), message.text(), message.caption(), mediaId,
                    message.contextWamid(), message.rawJson(), message.timestamp());
                return new Stored(row, handle.attach(MessageDao.class).insert(row,
                    clock.instant()));
            }));
        } catch (UnableToExecuteStatementException e) {
            if (Columns.duplicate(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void echo(InboundMessage echo) {
        echoes.record(echo);
    }

    @Override
    public void status(StatusUpdate update) {
        Optional<MessageStatus> reported = MessageStatus.reported(update.status());
        if (reported.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // No transaction: recording ignores a repeat and statuses only move forward, so a
        // replay after a failure between the two finishes the job; and the recorded status is
        // visible at once to a send whose answer (naming the wamid) lands meanwhile.
        jdbi.onDemand(StatusDao.class).record(update.wamid(), reported.get(),
            update.timestamp(), Columns.clip(update.recipientId(), 160), update.errorCode(),
            Columns.clip(update.errorTitle(), 255), Columns.clip(update.errorDetail(), 1000),
            Columns.clip(update.callbackData(), 512), now);
        MessageDao messages = jdbi.onDemand(MessageDao.class);
        // Not moved: already further, or the status came before the send's answer named our
        // message; the callback data we sent with it names it then.
        boolean moved = apply(messages, update, reported.get())
            || update.callbackData() != null && adopted(messages, update, now)
            && apply(messages, update, reported.get());
        if (moved) {
            messages.audienceByWamid(update.wamid())
                .ifPresent(events::messageUpdated);
        }
    }

    /** False when no message waits for this wamid (or another one has it already). */
    private boolean adopted(MessageDao messages, StatusUpdate update, Instant now) {
        try {
            return messages.adoptWamid(update.callbackData(), update.wamid(), now) > 0;
        } catch (UnableToExecuteStatementException e) {
            if (Columns.duplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean apply(MessageDao messages, StatusUpdate update, MessageStatus status) {
        return apply(messages, update.wamid(), status, update.errorCode(), update.errorTitle(),
            update.errorDetail());
    }

    private boolean apply(MessageDao messages, String wamid, MessageStatus status, Integer code,
                          String title, String detail) {
        Instant now = clock.instant();
        if (status == MessageStatus.FAILED) {
            return messages.failByWamid(wamid, code, Columns.clip(title, 255), Columns.clip(detail, 1000), now) > 0;
        }
        return messages.advance(wamid, status, now) > 0;
    }

    @Override
    public void accepted(long messageId, String wamid) {
        MessageDao messages = jdbi.onDemand(MessageDao.class);
        messages.accepted(messageId, wamid, clock.instant());
        for (RecordedStatus recorded : jdbi.onDemand(StatusDao.class).of(wamid)) {
            apply(messages, wamid, recorded.status(), recorded.errorCode(),
                recorded.errorTitle(), recorded.errorDetail());
        }
        messages.audience(messageId).ifPresent(events::messageUpdated);
    }

    @Override
    public void failed(long messageId, SendFailure failure) {
        MessageDao messages = jdbi.onDemand(MessageDao.class);
        messages.failById(messageId, failure.code(), Columns.clip(failure.title(), 255),
            Columns.clip(failure.detail(), 1000), clock.instant());
        messages.audience(messageId).ifPresent(events::messageUpdated);
    }

    @Override
    public void mediaChanged(long mediaId) {
        jdbi.onDemand(MessageDao.class).findByMedia(mediaId)
            .forEach(message -> announce(Optional.of(message)));
    }

    private void announce(Optional<MessageRow> message) {
        message.ifPresent(row -> jdbi.onDemand(ConversationDao.class).find(row.conversationId())
            .ifPresent(conversation -> events.message(EventType.MESSAGE_UPDATED,
                conversation, row)));
    }

}
