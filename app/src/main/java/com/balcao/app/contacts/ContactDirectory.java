package com.balcao.app.contacts;

import com.balcao.app.auth.Staff;
import com.balcao.app.contacts.ContactDirectoryDao.ContactLabel;
import com.balcao.app.conversations.ContactDao;
import com.balcao.app.conversations.ConversationEvents;
import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.labels.Label;
import com.balcao.app.labels.LabelDao;
import com.balcao.app.realtime.EventType;
import com.balcao.app.web.AppException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The contacts page: every contact, searched and filtered, and one contact with their details
 * and the conversations the viewer may see. Contacts are the business's address book, shared
 * by all staff; their conversations stay within each person's reach.
 */
final class ContactDirectory {
    static final int CONVERSATIONS_SHOWN = 50;
    // Read more than is shown, so conversations the viewer may not see leave room for others.
    private static final int CONVERSATIONS_READ = 300;
    private final ContactDirectoryDao directory;
    private final ContactDao contacts;
    private final LabelDao labels;
    private final ContactPanelService panel;
    private final CustomFields customFields;
    private final ConversationEvents events;
    private final Clock clock;

    ContactDirectory(ContactDirectoryDao directory, ContactDao contacts, LabelDao labels,
                     ContactPanelService panel, CustomFields customFields,
                     ConversationEvents events, Clock clock) {
        this.directory = directory;
        this.contacts = contacts;
        this.labels = labels;
        this.panel = panel;
        this.customFields = customFields;
        this.events = events;
        this.clock = clock;
    }

    /** A page of the list; an unknown label is ignored and named among the problems. */
    ContactList list(ContactSearch typed) {
        List<Label> all = labels.all();
        ContactSearch s = knownLabel(typed, all);
        long total = directory.count(s.likePattern(), s.digitsPattern(), s.labelId(),
            s.since(clock.instant()), s.never());
        List<ContactDirectoryDao.Listed> rows = directory.page(s.likePattern(),
            s.digitsPattern(), s.labelId(), s.since(clock.instant()), s.never(),
            ContactSearch.PAGE_SIZE, s.offset());
        Map<Long, List<ContactLabel>> byContact = rows.isEmpty() ? Map.of()
            : directory.labels(rows.stream().map(ContactDirectoryDao.Listed::id).toList())
                .stream().collect(Collectors.groupingBy(ContactLabel::contactId));
        return new ContactList(s, rows, byContact, total, all);
    }

    private static ContactSearch knownLabel(ContactSearch search, List<Label> all) {
        if (search.labelId() == null
            || all.stream().anyMatch(label -> label.id() == search.labelId())) {
            return search;
        }
        List<String> problems = new ArrayList<>(search.problems());
        problems.add("contacts_label_invalid");
        return new ContactSearch(search.text(), null, search.last(), search.page(),
            List.copyOf(problems));
    }

    /** The contact, or a 404 when there is none with that id. */
    ContactCard find(Staff staff, String publicId) {
        long id = directory.idByPublicId(publicId).orElseThrow(ContactDirectory::notFound);
        ContactDao.Details details = contacts.details(id).orElseThrow(ContactDirectory::notFound);
        List<ConversationRow> conversations = directory.conversations(id, CONVERSATIONS_READ)
            .stream().filter(row -> row.visibleTo(staff)).limit(CONVERSATIONS_SHOWN).toList();
        List<Label> contactLabels = directory.labels(List.of(id)).stream()
            .map(label -> new Label(label.id(), label.name(), label.color())).toList();
        return new ContactCard(publicId, details, customFields.read(details.customFields()),
            contactLabels, conversations);
    }

    /**
     * Saves name, e-mail and custom fields; the open conversations' panels refresh. Returns
     * message keys of what is wrong, nothing when saved.
     */
    List<String> save(Staff staff, ContactCard card, ContactForm form) {
        List<String> problems = panel.saveDetails(card.details().id(), form);
        if (problems.isEmpty()) {
            card.conversations().stream().filter(ConversationRow::open).forEach(row ->
                events.changedBy(EventType.CONVERSATION_UPDATED, row, staff.id()));
        }
        return problems;
    }

    static AppException notFound() {
        return AppException.notFound("contact_not_found", "contacts_not_found");
    }
}
