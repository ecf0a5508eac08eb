package com.balcao.app.conversations;

import com.balcao.app.config.RegisterRecordMapper;
import com.balcao.app.whatsapp.UnprocessableWebhook;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Conversations; at most one open per contact and number (see 003-conversations.xml). */
@RegisterRecordMapper(ConversationRow.class)
public interface ConversationDao {
    String SELECT = "SELECT c.id, c.public_id, c.owner, c.department_id, "
        + "d.name AS department_name, c.assignee_id, u.name AS assignee_name, "
        + "ct.public_id AS contact_public_id, ct.wa_id, ct.user_id AS contact_user_id, "
        + "ct.name AS contact_name, ct.phone, c.wa_number_id, n.phone_number_id, "
        + "n.display_phone_number, c.last_inbound_at, c.last_message_at, c.created_at, "
        + "c.unread_count, c.last_outbound_at, c.contact_id "
        + "FROM conversations c JOIN contacts ct ON ct.id = c.contact_id "
        + "JOIN wa_numbers n ON n.id = c.wa_number_id "
        + "LEFT JOIN departments d ON d.id = c.department_id "
        + "LEFT JOIN users u ON u.id = c.assignee_id ";

    /** The API's "open"/"resolved", from the owner. */
    String STATUS = "(CASE WHEN c.owner = 'CLOSED' THEN 'resolved' ELSE 'open' END)";

    @SqlQuery("SELECT id, default_department_id, active FROM wa_numbers "
        + "WHERE phone_number_id = :phoneNumberId")
    @RegisterRecordMapper(NumberRef.class)
    Optional<NumberRef> number(@Bind("phoneNumberId") String phoneNumberId);

    /**
     * The working number a webhook's message names. An unknown or deactivated number parks the
     * webhook (a body signed with the app's shared secret still reaches us for a number the
     * tenant switched off): nothing is recorded until an admin looks at it.
     */
    default NumberRef workingNumber(String phoneNumberId) {
        NumberRef number = number(phoneNumberId).orElseThrow(() -> new UnprocessableWebhook(
            "Unknown phone_number_id " + phoneNumberId
                + ": add this number in the WhatsApp settings"));
        if (!number.active()) {
            throw new UnprocessableWebhook("The number with phone_number_id " + phoneNumberId
                + " is deactivated: reactivate it in the WhatsApp settings to take its messages");
        }
        return number;
    }

    @SqlQuery(SELECT + "WHERE c.id = :id")
    Optional<ConversationRow> find(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE c.public_id = :publicId")
    Optional<ConversationRow> findByPublicId(@Bind("publicId") String publicId);

    @SqlQuery(SELECT + "WHERE c.contact_id = :contactId AND c.wa_number_id = :numberId "
        + "AND c.open_flag = 1")
    Optional<ConversationRow> findOpen(@Bind("contactId") long contactId,
                                       @Bind("numberId") long numberId);

    /**
     * Who served this contact last: the department (still active) and the person (still
     * active, or null) of their latest earlier conversation someone held.
     */
    @SqlQuery("SELECT c.department_id, d.name AS department_name, d.slug AS department_slug, "
        + "CASE WHEN u.id IS NULL THEN NULL ELSE c.assignee_id END AS person_id, "
        + "u.name AS person_name FROM conversations c JOIN departments d ON d.id = "
        + "c.department_id AND d.active LEFT JOIN users u ON u.id = c.assignee_id AND u.active "
        + "WHERE c.contact_id = :contactId AND c.id <> :except AND c.assignee_id IS NOT NULL "
        + "ORDER BY c.id DESC LIMIT 1")
    @RegisterRecordMapper(Served.class)
    Optional<Served> lastServed(@Bind("contactId") long contactId,
                                @Bind("except") long exceptConversationId);

    /** The department (and person) of an earlier conversation. */
    record Served(long departmentId, String departmentSlug, String departmentName,
                  Long personId, String personName) {
    }

    /** Opens a conversation (see {@link NewConversation}'s factories for who may). */
    @SqlUpdate("INSERT INTO conversations (public_id, contact_id, wa_number_id, department_id, "
        + "assignee_id, owner, open_flag, last_inbound_at, last_message_at, created_at, "
        + "updated_at) VALUES (:publicId, :contactId, :numberId, :departmentId, :assigneeId, "
        + ":owner, 1, :customerAt, :at, :now, :now)")
    @GetGeneratedKeys
    long insert(@BindMethods NewConversation conversation, @Bind("now") Instant now);

    /** A customer's message: moves the 24-hour window and the ordering of the list. */
    @SqlUpdate("UPDATE conversations SET last_inbound_at = GREATEST(COALESCE(last_inbound_at, "
        + ":at), :at), unread_count = unread_count + 1, "
        + "last_message_at = GREATEST(last_message_at, :at), updated_at = :now WHERE id = :id")
    int touchInbound(@Bind("id") long id, @Bind("at") Instant at, @Bind("now") Instant now);

    /** Our message: answers the customer and moves the list's ordering. */
    @SqlUpdate("UPDATE conversations SET last_message_at = GREATEST(last_message_at, :at), "
        + "last_outbound_at = GREATEST(COALESCE(last_outbound_at, :at), :at), "
        + "updated_at = :now WHERE id = :id")
    int touch(@Bind("id") long id, @Bind("at") Instant at, @Bind("now") Instant now);

    /**
     * A page of the conversations a person may see, newest activity first. An agent sees the
     * departments in {@code departments} and what is assigned to {@code me}.
     */
    @SqlQuery(SELECT + "WHERE (:all OR c.department_id IN (<departments>) OR c.assignee_id = :me) "
        + "AND (:status IS NULL OR " + STATUS + " = :status) "
        + "AND (:departmentId IS NULL OR c.department_id = :departmentId) "
        + "AND (:assigneeId IS NULL OR c.assignee_id = :assigneeId) "
        + "AND (NOT :unassigned OR c.assignee_id IS NULL) "
        + "AND (:waId IS NULL OR ct.wa_id = :waId) "
        + "AND (:cursorAt IS NULL OR c.last_message_at < :cursorAt "
        + "OR (c.last_message_at = :cursorAt AND c.id < :cursorId)) "
        + "ORDER BY c.last_message_at DESC, c.id DESC LIMIT :limit")
    List<ConversationRow> page(@Bind("all") boolean all,
                               @BindList(value = "departments",
                                   onEmpty = BindList.EmptyHandling.NULL_STRING)
                               List<Long> departments,
                               @Bind("me") long me, @Bind("status") String status,
                               @Bind("departmentId") Long departmentId,
                               @Bind("assigneeId") Long assigneeId,
                               @Bind("unassigned") boolean unassigned, @Bind("waId") String waId,
                               @Bind("cursorAt") Instant cursorAt, @Bind("cursorId") Long cursorId,
                               @Bind("limit") int limit);
}
