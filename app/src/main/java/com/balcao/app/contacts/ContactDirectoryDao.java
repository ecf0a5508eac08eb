package com.balcao.app.contacts;

import com.balcao.app.config.RegisterRecordMapper;
import com.balcao.app.conversations.ConversationDao;
import com.balcao.app.conversations.ConversationRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The contacts page: contacts by search and filters, their labels and conversations. */
public interface ContactDirectoryDao {
    /**
     * Contacts with their latest conversation activity, matching the search (name or e-mail
     * {@code :like}, phone {@code :digits}), a label on any of their conversations, and the
     * last contact since {@code :since} or never ({@code :never}).
     */
    String MATCHING = "FROM contacts ct LEFT JOIN (SELECT contact_id, "
        + "MAX(last_message_at) AS last_at FROM conversations GROUP BY contact_id) lc "
        + "ON lc.contact_id = ct.id "
        + "WHERE (:like IS NULL OR ct.name LIKE :like OR ct.email LIKE :like "
        + "OR ct.wa_id LIKE :digits OR ct.phone LIKE :digits) "
        + "AND (:labelId IS NULL OR EXISTS (SELECT 1 FROM conversations lcv "
        + "JOIN conversation_labels cl ON cl.conversation_id = lcv.id "
        + "WHERE lcv.contact_id = ct.id AND cl.label_id = :labelId)) "
        + "AND (:since IS NULL OR lc.last_at >= :since) "
        + "AND (NOT :never OR lc.last_at IS NULL) ";

    /** One row of the list. */
    record Listed(long id, String publicId, String name, String waId, String phone,
                  Instant lastAt) {
    }

    /** A label on one of a contact's conversations. */
    record ContactLabel(long contactId, long id, String name, String color) {
    }

    @SqlQuery("SELECT ct.id, ct.public_id, ct.name, ct.wa_id, ct.phone, lc.last_at "
        + MATCHING + "ORDER BY lc.last_at IS NULL, lc.last_at DESC, ct.id DESC "
        + "LIMIT :limit OFFSET :offset")
    @RegisterRecordMapper(Listed.class)
    List<Listed> page(@Bind("like") String like, @Bind("digits") String digits,
                      @Bind("labelId") Long labelId, @Bind("since") Instant since,
                      @Bind("never") boolean never, @Bind("limit") int limit,
                      @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) " + MATCHING)
    long count(@Bind("like") String like, @Bind("digits") String digits,
               @Bind("labelId") Long labelId, @Bind("since") Instant since,
               @Bind("never") boolean never);

    @SqlQuery("SELECT DISTINCT c.contact_id, l.id, l.name, l.color FROM conversations c "
        + "JOIN conversation_labels cl ON cl.conversation_id = c.id "
        + "JOIN labels l ON l.id = cl.label_id WHERE c.contact_id IN (<contactIds>) "
        + "ORDER BY l.name, l.id")
    @RegisterRecordMapper(ContactLabel.class)
    List<ContactLabel> labels(@BindList(value = "contactIds",
        onEmpty = BindList.EmptyHandling.NULL_STRING) List<Long> contactIds);

    @SqlQuery("SELECT id FROM contacts WHERE public_id = :publicId")
    Optional<Long> idByPublicId(@Bind("publicId") String publicId);

    /** The contact's conversations, latest activity first; the caller filters by who may see. */
    @SqlQuery(ConversationDao.SELECT + "WHERE c.contact_id = :contactId "
        + "ORDER BY c.last_message_at DESC, c.id DESC LIMIT :limit")
    @RegisterRecordMapper(ConversationRow.class)
    List<ConversationRow> conversations(@Bind("contactId") long contactId,
                                        @Bind("limit") int limit);
}
