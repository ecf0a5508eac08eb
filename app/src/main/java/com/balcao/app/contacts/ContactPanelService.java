package com.balcao.app.contacts;

import com.balcao.app.realtime.EventType;
import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.conversations.ConversationEvents;
import com.balcao.app.conversations.ContactDao;
import com.balcao.app.conversations.ConversationQueries;
import com.balcao.app.auth.Staff;
import com.balcao.app.labels.Label;
import com.balcao.app.labels.LabelDao;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The contact panel: a conversation's contact, its labels and the contact's history. Every
 * change is announced so other agents' panels refresh.
 */
public final class ContactPanelService {
    static final int PAST_SHOWN = 20;
    // Read a wider window than is shown, so conversations the viewer may not see do not leave
    // the history empty, while a contact with years of history stays cheap.
    private static final int PAST_READ = 200;
    private final ConversationQueries queries;
    private final ContactDao contacts;
    private final ContactPanelDao panel;
    private final LabelDao labels;
    private final CustomFields customFields;
    private final ConversationEvents events;
    private final Clock clock;

    ContactPanelService(ConversationQueries queries, ContactDao contacts, ContactPanelDao panel,
                        LabelDao labels, CustomFields customFields, ConversationEvents events,
                        Clock clock) {
        this.queries = queries;
        this.contacts = contacts;
        this.panel = panel;
        this.labels = labels;
        this.customFields = customFields;
        this.events = events;
        this.clock = clock;
    }

    /** The conversation, or a 404 when it does not exist or is out of the person's reach. */
    ConversationRow find(Staff staff, String conversationId) {
        return queries.find(staff, conversationId);
    }

    ContactPanel panel(Staff staff, ConversationRow conversation) {
        ContactDao.Details contact = contacts.details(conversation.contactId()).orElseThrow();
        List<ConversationRow> past = panel.otherConversations(conversation.contactId(),
                conversation.id(), PAST_READ).stream()
            .filter(row -> row.visibleTo(staff)).limit(PAST_SHOWN).toList();
        return new ContactPanel(conversation, contact, customFields.read(contact.customFields()),
            panel.labelsOf(conversation.id()), labels.all(), past);
    }

    /** Saves the contact's details; returns message keys of what is wrong, nothing if saved. */
    List<String> save(ConversationRow conversation, ContactForm form, long by) {
        List<String> problems = saveDetails(conversation.contactId(), form);
        if (problems.isEmpty()) {
            events.changedBy(EventType.CONVERSATION_UPDATED, conversation, by);
        }
        return problems;
    }

    /** Saves a contact's details wherever staff edit them; returns what is wrong, if anything. */
    List<String> saveDetails(long contactId, ContactForm form) {
        List<String> problems = form.problems();
        if (problems.isEmpty()) {
            contacts.updateDetails(contactId, form.name(), form.emailOrNull(),
                customFields.write(form.fields()), clock.instant());
        }
        return problems;
    }

    /**
     * Puts a label on ({@code on} "true") or takes it off ("false"); doing it twice changes
     * nothing. Returns message keys of what is wrong, nothing when done.
     */
    List<String> label(ConversationRow conversation, String labelId, String on, long by) {
        Optional<Label> label = labelId != null && labelId.matches("[0-9]{1,18}")
            ? labels.find(Long.parseLong(labelId)) : Optional.empty();
        if (label.isEmpty() || !"true".equals(on) && !"false".equals(on)) {
            return List.of("contact_panel_label_unknown");
        }
        if ("true".equals(on)) {
            panel.addLabel(conversation.id(), label.get().id(), clock.instant());
        } else {
            panel.removeLabel(conversation.id(), label.get().id());
        }
        events.changedBy(EventType.CONVERSATION_UPDATED, conversation, by);
        return List.of();
    }
}
