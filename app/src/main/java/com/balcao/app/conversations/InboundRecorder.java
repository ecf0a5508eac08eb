package com.balcao.app.conversations;

import com.balcao.app.auth.Tokens;
import com.balcao.app.whatsapp.InboundMessage;
import com.balcao.app.whatsapp.MediaFiles;
import com.balcao.app.whatsapp.SendFailure;
import com.balcao.app.whatsapp.StatusUpdate;
import com.balcao.app.whatsapp.WhatsAppListener;
import java.sql.SQLIntegrityConstraintViolationException;
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
    private final Clock clock;

    /** {@code newConversation} hears of each one once recorded (automatic distribution). */
    InboundRecorder(Jdbi jdbi, MediaFiles media, ConversationEvents events,
                    Consumer<ConversationRow> newConversation, BotBridge.Slot bot,
                    Clock clock) {
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
        NumberRef number = conversations.number(message.phoneNumberId())
            .orElseThrow(() -> new Unprocessable("Unknown phone_number_id "
                + message.phoneNumberId() + ": add this number in the WhatsApp settings"));
        long contactId = contact(message);
        Opened opened = openConversation(conversations, contactId, number, message.timestamp());
        String publicId = Tokens.random(16);
        Long messageId = store(message, publicId, opened.conversation().id(), number.id());
        if (messageId == null) {
            return;
        }
        if (message.media() != null) {
            media.wake();
        }
        ConversationRow conversation = opened.conversation();
        events.conversation(opened.created() ? ConversationEvents.CONVERSATION_CREATED
            : ConversationEvents.CONVERSATION_UPDATED, conversation);
        events.message(ConversationEvents.MESSAGE_CREATED, conversation, publicId,
            StatusRank.RECEIVED, "inbound");
        if (opened.created()) {
            announceOpened(conversation);
        }
        answer(conversation.id(), messageId, message);
    }

    /**
     * The bot's turn, after the message is committed. A failure here must not lose the
     * message (it is stored and acknowledged): it is logged and the conversation is left as is.
     */
    private void answer(long conversationId, long messageId, InboundMessage message) {
        try {
            bot.hook().inbound(conversationId, messageId, message);
        } catch (RuntimeException e) {
            LOG.error("Bot failed on conversation {}", conversationId, e);
        }
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
            throw new Unprocessable("Message " + message.wamid() + " names no sender");
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
            return new Opened(open.get(), false);
        }
        try {
            long id = conversations.insert(Tokens.random(16), contactId, number.id(),
                number.defaultDepartmentId(), bot.hook().takesNewConversations(), at,
                clock.instant());
            return new Opened(conversations.find(id).orElseThrow(), true);
        } catch (UnableToExecuteStatementException e) {
            if (!duplicate(e)) {
                throw e;
            }
            return new Opened(conversations.findOpen(contactId, number.id()).orElseThrow(), false);
        }
    }

    /** Inserts the message (and its media) in one transaction; null when already stored. */
    private Long store(InboundMessage message, String publicId, long conversationId,
                          long numberId) {
        try {
            return jdbi.inTransaction(handle -> {
                // The conversation row is locked first: inserting a message only share-locks
                // it (foreign key), and two workers upgrading that lock would deadlock.
                handle.attach(ConversationDao.class).touchInbound(conversationId,
                    message.timestamp(), clock.instant());
                Long mediaId = message.media() == null ? null
                    : media.registerInbound(handle, numberId, message.media());
                return handle.attach(MessageDao.class).insert(publicId, conversationId,
                    "inbound", message.wamid(), message.type(), message.text(),
                    message.caption(), mediaId, message.contextWamid(), message.rawJson(),
                    StatusRank.RECEIVED, 0, null, null, message.timestamp(), clock.instant());
            });
        } catch (UnableToExecuteStatementException e) {
            if (duplicate(e)) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void echo(InboundMessage echo) {
        new EchoRecorder(jdbi, events, clock).record(echo);
    }

    @Override
    public void status(StatusUpdate update) {
        int rank = StatusRank.of(update.status());
        if (rank < 0) {
            return;
        }
        Instant now = clock.instant();
        jdbi.onDemand(StatusDao.class).record(update.wamid(), update.status(), update.timestamp(),
            clip(update.recipientId(), 160), update.errorCode(), clip(update.errorTitle(), 255),
            clip(update.errorDetail(), 1000), clip(update.callbackData(), 512), now);
        MessageDao messages = jdbi.onDemand(MessageDao.class);
        if (update.callbackData() != null && !messages.exists(update.wamid())) {
            messages.adoptWamid(update.callbackData(), update.wamid(), now);
        }
        if (apply(messages, update.wamid(), update.status(), update.errorCode(),
            update.errorTitle(), update.errorDetail())) {
            announce(messages.findByWamid(update.wamid()));
        }
    }

    private boolean apply(MessageDao messages, String wamid, String status, Integer code,
                          String title, String detail) {
        Instant now = clock.instant();
        if (StatusRank.FAILED.equals(status)) {
            return messages.failByWamid(wamid, code, clip(title, 255), clip(detail, 1000), now) > 0;
        }
        return messages.advance(wamid, status, StatusRank.of(status), now) > 0;
    }

    @Override
    public void accepted(long messageId, String wamid) {
        MessageDao messages = jdbi.onDemand(MessageDao.class);
        messages.accepted(messageId, wamid, clock.instant());
        for (RecordedStatus recorded : jdbi.onDemand(StatusDao.class).of(wamid)) {
            apply(messages, wamid, recorded.status(), recorded.errorCode(),
                recorded.errorTitle(), recorded.errorDetail());
        }
        announce(messages.find(messageId));
    }

    @Override
    public void failed(long messageId, SendFailure failure) {
        MessageDao messages = jdbi.onDemand(MessageDao.class);
        messages.failById(messageId, failure.code(), clip(failure.title(), 255),
            clip(failure.detail(), 1000), clock.instant());
        announce(messages.find(messageId));
    }

    @Override
    public void mediaChanged(long mediaId) {
        jdbi.onDemand(MessageDao.class).findByMedia(mediaId)
            .forEach(message -> announce(Optional.of(message)));
    }

    private void announce(Optional<MessageRow> message) {
        message.ifPresent(row -> jdbi.onDemand(ConversationDao.class).find(row.conversationId())
            .ifPresent(conversation -> events.message(ConversationEvents.MESSAGE_UPDATED,
                conversation, row)));
    }

    static boolean duplicate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
