package com.balcao.app.inbox;

import com.balcao.app.conversations.ConversationOwner;
import com.balcao.app.conversations.PhoneNumbers;
import com.balcao.app.conversations.ConversationJson;
import com.balcao.app.conversations.MessageRow;
import com.balcao.app.conversations.Cursor;
import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.conversations.HandlingDao;
import com.balcao.app.conversations.MessageDao;
import com.balcao.app.auth.Staff;
import com.balcao.app.realtime.Presence;
import com.balcao.app.realtime.PresenceState;
import com.balcao.app.web.Messages;
import com.balcao.app.whatsapp.Templates;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the chat column of a conversation for the person looking at it. */
public final class Chats {
    /** How many messages the chat shows at first, and loads per "older" page. */
    static final int MESSAGES_PER_PAGE = 40;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM HH:mm");
    private final MessageDao messages;
    private final InboxDao inbox;
    private final HandlingDao handling;
    private final Templates templates;
    private final Presence presence;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final Clock clock;

    Chats(MessageDao messages, InboxDao inbox, HandlingDao handling, Templates templates,
          Presence presence, ObjectMapper json, ZoneId zone, Clock clock) {
        this.messages = messages;
        this.inbox = inbox;
        this.handling = handling;
        this.templates = templates;
        this.presence = presence;
        this.json = json;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * The chat column; {@code withTimeline} false leaves the messages out, for the header and
     * composer refreshes that never show them.
     */
    Chat chat(Staff staff, ConversationRow row, Messages texts, Chat.Draft draft, String error,
              boolean withTimeline) {
        Instant now = clock.instant();
        boolean mine = row.heldBy(staff);
        boolean heldByOther = row.heldByOther(staff);
        boolean phoneHeld = row.open() && row.state().heldByBusinessPhone();
        boolean open = row.open();
        boolean windowOpen = row.windowOpen(now);
        String windowText = windowOpen ? texts.get("chat_window_open",
            SHOWN.format(row.windowClosesAt().atZone(zone))) : texts.get("chat_window_closed");
        boolean canAct = row.mayAct(staff);
        Chat.Page page = withTimeline ? recent(row, history(staff, row), null, texts)
            : new Chat.Page(row.publicId(), List.of(), null, null);
        List<Chat.Person> people = people(texts);
        List<Chat.TemplateChoice> choices = windowOpen || !mine ? List.of()
            : templates.approved(row.waNumberId()).stream().map(info -> new Chat.TemplateChoice(
                info.name() + "|" + info.language(), info.name() + " (" + info.language() + ")"))
            .toList();
        String name = row.contactName() == null || row.contactName().isBlank()
            ? (row.phone() != null ? PhoneNumbers.display(row.phone())
                : texts.get("chat_unknown_contact"))
            : row.contactName();
        return new Chat(row.publicId(), name, PhoneNumbers.display(row.phone()),
            row.departmentName(), row.assigneeName(), open, mine, row.botActive(), heldByOther,
            phoneHeld, windowOpen, windowText,
            open && (row.owner() != ConversationOwner.AGENT || phoneHeld), canAct,
            !open, open && mine,
            error, page.entries(), page.olderUrl(), page.refreshUrl(),
            handling.departments().stream().map(department -> new InboxList.Option(
                department.id(), department.name(), false)).toList(),
            people, choices, draft);
    }

    /**
     * The conversations shown as one history with {@code row}: the contact's earlier ones on
     * the same number that this person may see, then {@code row}.
     */
    List<Long> history(Staff staff, ConversationRow row) {
        return inbox.history(row.contactId(), row.waNumberId(), row.id(),
            staff.role().seesAllDepartments(), List.copyOf(staff.departmentIds()), staff.id());
    }

    /**
     * The newest messages of the history: from {@code since} on when given (a live refresh
     * keeps what the chat already shows), else the last {@link #MESSAGES_PER_PAGE}.
     */
    Chat.Page recent(ConversationRow row, List<Long> history, Cursor since, Messages texts) {
        List<MessageRow> rows;
        MessageRow before;
        if (since != null) {
            rows = messages.historySince(history, since.at(), since.id(), 500);
            before = messages.historyPage(history, since.at(), since.id(), 1).stream()
                .findFirst().orElse(null);
        } else {
            List<MessageRow> newest = messages.historyPage(history, null, null,
                MESSAGES_PER_PAGE + 1);
            before = newest.size() > MESSAGES_PER_PAGE ? newest.get(MESSAGES_PER_PAGE) : null;
            rows = new ArrayList<>(newest.subList(0, Math.min(MESSAGES_PER_PAGE, newest.size())));
            Collections.reverse(rows);
        }
        return page(row, history, rows, before, texts, true);
    }

    /** A page of messages older than {@code before}, shown above what the chat has. */
    Chat.Page older(ConversationRow row, List<Long> history, Cursor before, Messages texts) {
        List<MessageRow> older = messages.historyPage(history, before.at(), before.id(),
            MESSAGES_PER_PAGE + 1);
        MessageRow earlier = older.size() > MESSAGES_PER_PAGE ? older.get(MESSAGES_PER_PAGE)
            : null;
        List<MessageRow> rows = new ArrayList<>(older.subList(0,
            Math.min(MESSAGES_PER_PAGE, older.size())));
        Collections.reverse(rows);
        return page(row, history, rows, earlier, texts, false);
    }

    /** A page of the timeline; {@code earlier} is the message just above it, if any. */
    private Chat.Page page(ConversationRow row, List<Long> history, List<MessageRow> rows,
                           MessageRow earlier, Messages texts, boolean live) {
        boolean more = earlier != null;
        Cursor first = rows.isEmpty() ? null
            : new Cursor(rows.get(0).sentAt(), rows.get(0).id());
        List<Long> authors = rows.stream().map(MessageRow::senderUserId)
            .filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, String> names = authors.isEmpty() ? Map.of() : inbox.names(authors).stream()
            .collect(Collectors.toMap(HandlingDao.Target::id, HandlingDao.Target::name));
        Timeline timeline = new Timeline(texts, json, zone, clock.instant());
        List<TimelineEntry> entries = timeline.entries(row, rows,
            wamid -> messages.findByWamid(wamid)
                .filter(found -> history.contains(found.conversationId())).orElse(null), names,
            earlier);
        String base = "/inbox/c/" + row.publicId();
        String olderUrl = more && first != null ? base + "/older?before=" + first.encode() : null;
        String refreshUrl = live ? base + "/timeline" + (first == null ? ""
            : "?since=" + first.encode()) : null;
        return new Chat.Page(row.publicId(), entries, olderUrl, refreshUrl);
    }

    private List<Chat.Person> people(Messages texts) {
        List<HandlingDao.Target> people = handling.people();
        Map<Long, PresenceState> states = presence.statesOf(people.stream()
            .map(HandlingDao.Target::id).toList());
        return people.stream().map(person -> new Chat.Person(person.id(), person.name() + " · "
            + texts.get("presence_" + states.getOrDefault(person.id(), PresenceState.OFFLINE)
                .name().toLowerCase(Locale.ROOT)))).toList();
    }
}
