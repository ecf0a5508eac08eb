package com.balcao.app.inbox;

import com.balcao.app.config.RegisterRecordMapper;
import com.balcao.app.conversations.ConversationOwner;
import com.balcao.app.conversations.Direction;
import com.balcao.app.conversations.HandlingDao;
import com.balcao.app.labels.Label;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The agents' conversation list: one page of a view, its counters and its labels. */
public interface InboxDao {

    /** A row of the list: who, the latest message and the state badges. */
    record Item(long id, String publicId, ConversationOwner owner, String contactName,
                String phone, String waId, Long departmentId, String departmentName,
                Long assigneeId, String assigneeName, int unreadCount, Instant lastMessageAt,
                Instant lastInboundAt, Instant lastOutboundAt, String lastType, String lastBody,
                String lastCaption, Direction lastDirection, Long lastSenderId,
                String lastSenderName, String lastSenderKind) {
    }

    /** How many open conversations wait in each view, for the tabs' counters. */
    record Counts(int mine, int queue, int waiting, int unread) {
    }

    /** The newest message of a listed conversation that the search found. */
    record Found(long conversationId, String messageId, String body, String caption) {
        /** The text that was found: the body, or a media message's caption. */
        String text() {
            return body != null && !body.isEmpty() ? body : caption;
        }
    }

    /** A label on one conversation of the page. */
    record ItemLabel(long conversationId, long id, String name, String color) {
    }

    /**
     * The conversations of one contact on one number up to {@code id}, newest first: the chat
     * shows them as one history. Only those the person may see, besides the open one.
     */
    @SqlQuery("SELECT c.id FROM conversations c WHERE c.contact_id = :contactId "
        + "AND c.wa_number_id = :numberId AND c.id <= :id AND (c.id = :id OR " + VISIBLE
        + ") ORDER BY c.id DESC LIMIT 30")
    List<Long> history(@Bind("contactId") long contactId, @Bind("numberId") long numberId,
                       @Bind("id") long id, @Bind("all") boolean all,
                       @BindList(value = "departments",
                           onEmpty = BindList.EmptyHandling.NULL_STRING) List<Long> departments,
                       @Bind("me") long me);

    String VISIBLE = "(:all OR c.department_id IN (<departments>) OR c.assignee_id = :me) ";
    String WAITING = "c.last_inbound_at IS NOT NULL AND (c.last_outbound_at IS NULL "
        + "OR c.last_outbound_at < c.last_inbound_at)";

    /** The messages a search looks in ({@code q}): what the customer and staff wrote. */
    String SEARCHED = "q.direction IN ('inbound', 'outbound', 'note')";
    /** No search: every conversation of the view. */
    String SEARCH_NONE = "COALESCE(:query, :words) IS NULL";
    /** Words of three letters or more: the messages' full-text index finds them. */
    String SEARCH_WORDS = "(ct.name LIKE :query OR ct.phone LIKE :query OR c.id IN ("
        + "SELECT q.conversation_id FROM messages q WHERE MATCH (q.body, q.caption) "
        + "AGAINST (:words IN BOOLEAN MODE) AND " + SEARCHED + "))";
    /**
     * Only shorter fragments ("G8", "12"): scanned with LIKE, the index does not hold them, so
     * only the most recent messages are scanned ({@code <recent>} of them, filled in by
     * {@link InboxLists}): a two-letter search cannot read every message ever received.
     */
    String SEARCH_FRAGMENT = ":words IS NULL AND (ct.name LIKE :query OR ct.phone LIKE :query "
        + "OR EXISTS (SELECT 1 "
        + "FROM messages q WHERE q.conversation_id = c.id AND " + SEARCHED
        + " AND q.id > (SELECT COALESCE(MAX(r.id), 0) - <recent> FROM messages r)"
        + " AND (q.body LIKE :query OR q.caption LIKE :query)))";

    /**
     * A page of a view ({@code <view>} and {@code <search>} are fixed conditions chosen by
     * {@link InboxTab} and {@link InboxFilter}), newest activity first; {@code query} is a LIKE
     * pattern for names and phones, {@code words} a full-text query for messages.
     */
    @SqlQuery("SELECT c.id, c.public_id, c.owner, ct.name AS contact_name, ct.phone, ct.wa_id, "
        + "c.department_id, d.name AS department_name, c.assignee_id, u.name AS assignee_name, "
        + "c.unread_count, c.last_message_at, c.last_inbound_at, "
        + "c.last_outbound_at, lm.type AS last_type, lm.body AS last_body, "
        + "lm.caption AS last_caption, lm.direction AS last_direction, "
        + "lm.sender_user_id AS last_sender_id, lu.name AS last_sender_name, "
        + "lm.sender_kind AS last_sender_kind "
        + "FROM conversations c JOIN contacts ct ON ct.id = c.contact_id "
        + "LEFT JOIN departments d ON d.id = c.department_id "
        + "LEFT JOIN users u ON u.id = c.assignee_id "
        + "LEFT JOIN messages lm ON lm.id = (SELECT m.id FROM messages m "
        + "WHERE m.conversation_id = c.id AND m.direction IN ('inbound', 'outbound') "
        + "ORDER BY m.sent_at DESC, m.id DESC LIMIT 1) "
        + "LEFT JOIN users lu ON lu.id = lm.sender_user_id "
        + "WHERE " + VISIBLE + "AND <view> "
        + "AND (:departmentId IS NULL OR c.department_id = :departmentId) "
        + "AND (:personId IS NULL OR c.assignee_id = :personId) "
        + "AND (:labelId IS NULL OR EXISTS (SELECT 1 FROM conversation_labels cl "
        + "WHERE cl.conversation_id = c.id AND cl.label_id = :labelId)) "
        + "AND (NOT :unread OR c.unread_count > 0) "
        + "AND <search> "
        + "ORDER BY c.last_message_at DESC, c.id DESC LIMIT :limit")
    @RegisterRecordMapper(Item.class)
    List<Item> page(@Define("view") String view, @Define("search") String search,
                    @Bind("all") boolean all,
                    @BindList(value = "departments", onEmpty = BindList.EmptyHandling.NULL_STRING)
                    List<Long> departments, @Bind("me") long me,
                    @Bind("departmentId") Long departmentId, @Bind("personId") Long personId,
                    @Bind("labelId") Long labelId,
                    @Bind("unread") boolean unread, @Bind("query") String query,
                    @Bind("words") String words, @Bind("limit") int limit);

    @SqlQuery("SELECT COALESCE(SUM(c.owner = 'AGENT' AND c.assignee_id = :me), 0) AS mine, "
        + "COALESCE(SUM(c.owner = 'QUEUE'), 0) AS queue, "
        + "COALESCE(SUM(" + WAITING + "), 0) AS waiting, "
        + "COALESCE(SUM(c.unread_count > 0 AND (c.assignee_id IS NULL OR c.assignee_id = :me)), "
        + "0) AS unread FROM conversations c WHERE c.open_flag = 1 AND " + VISIBLE)
    @RegisterRecordMapper(Counts.class)
    Counts counts(@Bind("all") boolean all,
                  @BindList(value = "departments", onEmpty = BindList.EmptyHandling.NULL_STRING)
                  List<Long> departments, @Bind("me") long me);

    @SqlQuery("SELECT cl.conversation_id, l.id, l.name, l.color FROM conversation_labels cl "
        + "JOIN labels l ON l.id = cl.label_id WHERE cl.conversation_id IN (<ids>) ORDER BY l.name")
    @RegisterRecordMapper(ItemLabel.class)
    List<ItemLabel> labels(@BindList("ids") List<Long> ids);

    @SqlQuery("SELECT id, name FROM users WHERE id IN (<ids>)")
    @RegisterRecordMapper(HandlingDao.Target.class)
    List<HandlingDao.Target> names(@BindList("ids") List<Long> ids);

    /** For each conversation of {@code ids}, its newest message that a condition finds. */
    String FOUND = "SELECT conversation_id, message_id, body, caption FROM (SELECT "
        + "q.conversation_id, q.public_id AS message_id, q.body, q.caption, "
        + "ROW_NUMBER() OVER (PARTITION BY q.conversation_id "
        + "ORDER BY q.sent_at DESC, q.id DESC) AS n FROM messages q "
        + "WHERE q.conversation_id IN (<ids>) AND " + SEARCHED + " AND ";

    @SqlQuery(FOUND + "MATCH (q.body, q.caption) AGAINST (:words IN BOOLEAN MODE)) newest "
        + "WHERE n = 1")
    @RegisterRecordMapper(Found.class)
    List<Found> foundByWords(@BindList("ids") List<Long> ids, @Bind("words") String words);

    @SqlQuery(FOUND + "(q.body LIKE :query OR q.caption LIKE :query)) newest WHERE n = 1")
    @RegisterRecordMapper(Found.class)
    List<Found> foundByFragment(@BindList("ids") List<Long> ids, @Bind("query") String query);

    @SqlQuery("SELECT id, name, color FROM labels ORDER BY name")
    @RegisterRecordMapper(Label.class)
    List<Label> allLabels();
}
