package com.balcao.app.conversations;

import com.balcao.app.realtime.EventType;
import com.balcao.app.auth.Tokens;
import com.balcao.app.config.Columns;
import com.balcao.app.config.Daos;
import com.balcao.app.whatsapp.InboundMessage;
import com.balcao.app.whatsapp.MediaFiles;
import com.balcao.app.whatsapp.SendFailure;
import com.balcao.app.whatsapp.StatusUpdate;
import com.balcao.app.whatsapp.UnprocessableWebhook;
import com.balcao.app.whatsapp.WhatsAppListener;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what WhatsApp tells us: a customer's message becomes (once, whatever the replays) a
 * message in the contact's open conversation; statuses (see {@link StatusRecorder}) move our
 * messages forward only.
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
    private final StatusRecorder statuses;
    private final Clock clock;

    /** {@code newConversation} hears of each one once recorded (automatic distribution). */
    InboundRecorder(Jdbi jdbi, MediaFiles media, ConversationEvents events,
                    Consumer<ConversationRow> newConversation, BotBridge.Slot bot,
                    BotTurns turns, EchoRecorder echoes, StatusRecorder statuses, Clock clock) {
        this.turns = turns;
        this.echoes = echoes;
        this.statuses = statuses;
        this.jdbi = jdbi;
        this.media = media;
        this.events = events;
        this.newConversation = newConversation;
        this.bot = bot;
        this.clock = clock;
    }

    /** Where a new message goes: the business number and the conversation it opens or joins. */
    private record Destination(NumberRef number, Opened opened) {
    }

    @Override
    public void inbound(InboundMessage message) {
        // The lookups share one connection; each statement still commits on its own.
        Optional<Destination> destination = jdbi.withHandle(handle -> {
            Optional<MessageRow> replayed = Daos.on(handle, MessageDao.class)
                .findByWamid(message.wamid());
            if (replayed.isPresent()) {
                answer(replayed.get().conversationId(), replayed.get().id(), message);
                return Optional.empty();
            }
            ConversationDao conversations = Daos.on(handle, ConversationDao.class);
            NumberRef number = conversations.workingNumber(message.phoneNumberId());
            long contactId = contact(Daos.on(handle, ContactDao.class), message);
            return Optional.of(new Destination(number, openConversation(conversations,
                contactId, number, message.timestamp())));
        });
        if (destination.isEmpty()) {
            return;
        }
        NumberRef number = destination.get().number();
        Opened opened = destination.get().opened();
        Optional<Stored> stored = store(message, opened.conversation().id(), number.id());
        if (stored.isEmpty()) {
            return;
        }
        if (message.media() != null) {
            media.wake();
        }
        ConversationRow conversation = opened.conversation();
        events.together(() -> {
            events.conversation(opened.created() ? EventType.CONVERSATION_CREATED
                : EventType.CONVERSATION_UPDATED, conversation);
            events.customerMessage(conversation, stored.get().message());
            if (opened.created()) {
                announceOpened(conversation);
            }
        });
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

    private long contact(ContactDao contacts, InboundMessage message) {
        String waId = PhoneNumbers.normalise(message.waId());
        if (waId == null && message.userId() == null) {
            throw new UnprocessableWebhook("Message " + message.wamid() + " names no sender");
        }
        Optional<Long> id = Optional.ofNullable(contacts.upsert(Tokens.random(16), waId,
            message.userId(), message.parentUserId(), message.profileName(), message.username(),
            waId, clock.instant()));
        return id.or(() -> waId != null ? contacts.idByWaId(waId)
            : contacts.idByUserId(message.userId())).orElseThrow();
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
                Daos.on(handle, ConversationDao.class).touchInbound(conversationId,
                    message.timestamp(), clock.instant());
                Long mediaId = message.media() == null ? null
                    : media.registerInbound(handle, numberId, message.media());
                NewMessage row = NewMessage.inbound(conversationId, message.wamid(),
                    message.type(), message.text(), message.caption(), mediaId,
                    message.contextWamid(), message.rawJson(), message.timestamp());
                return new Stored(row, Daos.on(handle, MessageDao.class).insert(row,
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
    public void statuses(List<StatusUpdate> updates) {
        statuses.record(updates);
    }

    @Override
    public void accepted(long messageId, String wamid) {
        statuses.accepted(messageId, wamid);
    }

    @Override
    public void failed(long messageId, SendFailure failure) {
        statuses.failed(messageId, failure);
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
