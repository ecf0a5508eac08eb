package com.balcao.app.conversations;

import com.balcao.app.realtime.EventType;
import com.balcao.app.whatsapp.Outbox;
import com.balcao.app.whatsapp.Outgoing;
import com.balcao.app.whatsapp.Templates;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Messages the business sends on its own (a reminder): a text while the customer's 24-hour
 * window is open, else an approved template, else nothing (WhatsApp would refuse it). Written
 * on the caller's transaction, shown as the bot's, announced after the commit.
 */
public final class AutomatedMessages {
    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Templates templates;
    private final ConversationEvents events;
    private final Clock clock;

    public AutomatedMessages(Jdbi jdbi, Outbox outbox, Templates templates,
                             ConversationEvents events, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.templates = templates;
        this.events = events;
        this.clock = clock;
    }

    /** What to say: the text, and the template (name, language, values) for a closed window. */
    public record Notice(String text, String templateName, String templateLanguage,
                         List<String> templateValues) {

        /** A text with no template: nothing goes out once the window closed. */
        public static Notice textOnly(String text) {
            return new Notice(text, null, null, List.of());
        }
    }

    /** What went out. */
    public enum Sent { TEXT, TEMPLATE, NOTHING }

    /** A queued message, to announce once the transaction committed. */
    public record Written(Sent sent, Long conversationId, Long messageId) {
        public static final Written NOTHING = new Written(Sent.NOTHING, null, null);
    }

    /**
     * Queues the notice for the customer of {@code conversationId}: on their open conversation
     * with that number when they have one (it may be a newer one), else on that conversation.
     */
    public Written write(Handle handle, long conversationId, Notice notice) {
        ConversationDao conversations = handle.attach(ConversationDao.class);
        Optional<ConversationRow> found = conversations.find(conversationId).map(row ->
            conversations.findOpen(row.contactId(), row.waNumberId()).orElse(row));
        if (found.isEmpty()) {
            return Written.NOTHING;
        }
        ConversationRow conversation = found.get();
        Instant now = clock.instant();
        Outgoing outgoing;
        String type;
        String body;
        if (conversation.windowOpen(now)) {
            outgoing = new Outgoing.Text(notice.text(), false);
            type = "text";
            body = notice.text();
        } else if (notice.templateName() == null) {
            return Written.NOTHING;
        } else {
            Optional<Templates.Info> template = templates.find(conversation.waNumberId(),
                notice.templateName(), notice.templateLanguage()).filter(Templates.Info::approved);
            if (template.isEmpty()) {
                return Written.NOTHING;
            }
            List<String> values = notice.templateValues().subList(0, Math.min(
                notice.templateValues().size(), template.get().parameterCount()));
            outgoing = new Outgoing.Template(notice.templateName(), notice.templateLanguage(),
                List.of(), values, List.of());
            type = "template";
            body = template.get().render(values);
        }
        handle.attach(ConversationDao.class).touch(conversation.id(), now, now);
        NewMessage message = NewMessage.byBot(conversation.id(), type, body, null, now);
        long id = handle.attach(MessageDao.class).insert(message, now);
        outbox.enqueue(handle, id, conversation.waNumberId(), conversation.recipient(),
            outgoing, null, message.publicId());
        return new Written("text".equals(type) ? Sent.TEXT : Sent.TEMPLATE, conversation.id(),
            id);
    }

    /** After the commit: the outbox sends it and the panels show it. */
    public void announce(Written written) {
        if (written.messageId() == null) {
            return;
        }
        outbox.wake();
        ConversationRow conversation = jdbi.onDemand(ConversationDao.class)
            .find(written.conversationId()).orElseThrow();
        jdbi.onDemand(MessageDao.class).find(written.messageId()).ifPresent(row ->
            events.message(EventType.MESSAGE_CREATED, conversation, row));
    }
}
