package com.balcao.app.inbox;

import com.balcao.app.conversations.ConversationOwner;
import com.balcao.app.conversations.Direction;
import com.balcao.app.conversations.PhoneNumbers;
import com.balcao.app.conversations.HandlingDao;
import com.balcao.app.auth.Staff;
import com.balcao.app.web.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the conversation list a person may see, with the counters of every tab. */
public final class InboxLists {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");
    private final InboxDao inbox;
    private final HandlingDao handling;
    private final ZoneId zone;
    private final int recentForFragments;

    InboxLists(InboxDao inbox, HandlingDao handling, ZoneId zone, int recentForFragments) {
        this.recentForFragments = recentForFragments;
        this.inbox = inbox;
        this.handling = handling;
        this.zone = zone;
    }

    int queueCount(Staff staff) {
        return inbox.counts(staff.role().seesAllDepartments(), List.copyOf(staff.departmentIds()),
            staff.id()).queue();
    }

    InboxList list(Staff staff, InboxFilter filter, Messages texts, Instant now) {
        boolean all = staff.role().seesAllDepartments();
        List<Long> departments = List.copyOf(staff.departmentIds());
        List<InboxDao.Item> rows = inbox.page(filter.tab().condition(),
            filter.searchCondition().replace("<recent>", Integer.toString(recentForFragments)),
            all, departments, staff.id(), filter.departmentId(), filter.personId(),
            filter.labelId(), filter.unread(), filter.likePattern(), filter.fullTextQuery(),
            filter.limit() + 1);
        boolean more = rows.size() > filter.limit();
        List<InboxDao.Item> page = rows.subList(0, Math.min(rows.size(), filter.limit()));
        Map<Long, List<InboxList.Chip>> chips = page.isEmpty() ? Map.of()
            : inbox.labels(page.stream().map(InboxDao.Item::id).toList()).stream()
                .collect(Collectors.groupingBy(InboxDao.ItemLabel::conversationId,
                    Collectors.mapping(label -> new InboxList.Chip(label.name(), label.color()),
                        Collectors.toList())));
        InboxDao.Counts counts = inbox.counts(all, departments, staff.id());
        List<InboxList.Tab> tabs = Arrays.stream(InboxTab.values()).map(tab -> new InboxList.Tab(
            tab.key(), texts.get("inbox_tab_" + tab.key()),
            texts.get("inbox_tab_" + tab.key() + "_hint"), count(tab, counts),
            tab == filter.tab(), "/inbox?" + filter.withTab(tab).withOpen(filter.open())
                .queryString())).toList();
        List<InboxList.Option> departmentOptions = handling.departments().stream()
            .filter(department -> staff.canSeeDepartment(department.id()))
            .map(department -> new InboxList.Option(department.id(), department.name(),
                department.id() == (filter.departmentId() == null ? -1 : filter.departmentId())))
            .toList();
        List<InboxList.Option> labelOptions = inbox.allLabels().stream()
            .map(label -> new InboxList.Option(label.id(), label.name(),
                label.id() == (filter.labelId() == null ? -1 : filter.labelId())))
            .toList();
        Map<Long, InboxDao.Found> found = found(page, filter);
        List<InboxList.Item> items = page.stream().map(row -> item(row, staff.id(), filter,
            texts, chips.getOrDefault(row.id(), List.of()), found.get(row.id()), now)).toList();
        return new InboxList(tabs, departmentOptions, labelOptions, filter.unread(),
            filter.query(), filter.tab().key(), filter.open(), items,
            more ? "/inbox/list?" + filter.withLimit(filter.limit() + InboxFilter.PAGE)
                .queryString() : null,
            "/inbox/list?" + filter.queryString(), person(filter));
    }

    private InboxList.Person person(InboxFilter filter) {
        if (filter.personId() == null) {
            return null;
        }
        String name = inbox.names(List.of(filter.personId())).stream().findFirst()
            .map(HandlingDao.Target::name).orElse("#" + filter.personId());
        return new InboxList.Person(name, "/inbox?" + filter.withoutPerson().queryString());
    }

    private static int count(InboxTab tab, InboxDao.Counts counts) {
        return switch (tab) {
            case MINE -> counts.mine();
            case QUEUE -> counts.queue();
            case WAITING -> counts.waiting();
            default -> 0;
        };
    }

    /** The message each listed conversation was found by, when a search looked in messages. */
    private Map<Long, InboxDao.Found> found(List<InboxDao.Item> page, InboxFilter filter) {
        if (page.isEmpty() || filter.query() == null) {
            return Map.of();
        }
        List<Long> ids = page.stream().map(InboxDao.Item::id).toList();
        return (filter.fullTextQuery() != null ? inbox.foundByWords(ids, filter.fullTextQuery())
                : inbox.foundByFragment(ids, filter.likePattern())).stream()
            .collect(Collectors.toMap(InboxDao.Found::conversationId, hit -> hit));
    }

    /** Who wrote the last message, when it was ours: "Você", a first name or the bot. */
    static String author(InboxDao.Item row, long me, Messages texts) {
        if (row.lastDirection() != Direction.OUTBOUND) {
            return null;
        }
        if (row.lastSenderKind() != null) {
            return texts.get("inbox_author_" + row.lastSenderKind());
        }
        if (row.lastSenderId() == null) {
            return null;
        }
        if (row.lastSenderId() == me) {
            return texts.get("inbox_you");
        }
        String name = row.lastSenderName() == null ? "" : row.lastSenderName().trim();
        return name.isEmpty() ? null : name.split("\\s+")[0];
    }

    private InboxList.Item item(InboxDao.Item row, long me, InboxFilter filter, Messages texts,
                                List<InboxList.Chip> labels, InboxDao.Found found,
                                Instant now) {
        String preview = row.lastBody() != null && !row.lastBody().isEmpty()
            ? WhatsAppText.preview(row.lastBody())
            : row.lastCaption() != null ? row.lastCaption()
            : row.lastType() == null ? "" : texts.get("chat_type_" + row.lastType()
                .replaceAll("[^a-z_]", ""));
        boolean waiting = row.lastInboundAt() != null && (row.lastOutboundAt() == null
            || row.lastOutboundAt().isBefore(row.lastInboundAt()));
        String name = row.contactName() == null || row.contactName().isBlank()
            ? (row.phone() != null ? PhoneNumbers.display(row.phone())
                : texts.get("chat_unknown_contact"))
            : row.contactName();
        String foundHtml = found == null ? null
            : SearchSnippet.html(found.text(), filter.searchTerms());
        return new InboxList.Item(row.publicId(), name, Avatars.initials(name),
            Avatars.hue(row.waId() == null ? name : row.waId()), row.phone(),
            Timeline.snippet(preview),
            foundHtml, found == null ? null : found.messageId(),
            author(row, me, texts), time(row.lastMessageAt(), now),
            row.unreadCount(), row.owner() == ConversationOwner.AGENT && row.assigneeId() == null
                ? texts.get("inbox_badge_business_phone") : row.assigneeName(),
            row.departmentName(),
            row.owner() == ConversationOwner.BOT, !row.owner().open(),
            waiting && row.owner().open(), labels,
            row.publicId().equals(filter.open()),
            "/inbox?" + filter.withOpen(row.publicId()).queryString(),
            "/inbox/c/" + row.publicId() + "/pane?" + filter.withOpen(null).queryString());
    }

    private String time(Instant at, Instant now) {
        var local = at.atZone(zone);
        return local.toLocalDate().equals(LocalDate.ofInstant(now, zone)) ? TIME.format(local)
            : DAY.format(local);
    }
}
