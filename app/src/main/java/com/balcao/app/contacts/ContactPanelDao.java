package com.balcao.app.contacts;

import com.balcao.app.config.RegisterRecordMapper;
import com.balcao.app.conversations.ConversationDao;
import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.labels.Label;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What the contact panel reads besides the contact: its other conversations and the labels. */
public interface ContactPanelDao {

    /** The contact's other conversations, newest first; the caller filters by who may see. */
    @SqlQuery(ConversationDao.SELECT + "WHERE c.contact_id = :contactId AND c.id <> :exceptId "
        + "ORDER BY c.created_at DESC, c.id DESC LIMIT :limit")
    @RegisterRecordMapper(ConversationRow.class)
    List<ConversationRow> otherConversations(@Bind("contactId") long contactId,
                                             @Bind("exceptId") long exceptId,
                                             @Bind("limit") int limit);

    @SqlQuery("SELECT l.id, l.name, l.color FROM conversation_labels cl "
        + "JOIN labels l ON l.id = cl.label_id WHERE cl.conversation_id = :conversationId "
        + "ORDER BY l.name")
    @RegisterRecordMapper(Label.class)
    List<Label> labelsOf(@Bind("conversationId") long conversationId);

    /** Idempotent: labelling twice keeps the first row. */
    @SqlUpdate("INSERT INTO conversation_labels (conversation_id, label_id, created_at) "
        + "VALUES (:conversationId, :labelId, :now) "
        + "ON DUPLICATE KEY UPDATE created_at = created_at")
    void addLabel(@Bind("conversationId") long conversationId, @Bind("labelId") long labelId,
                  @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM conversation_labels "
        + "WHERE conversation_id = :conversationId AND label_id = :labelId")
    void removeLabel(@Bind("conversationId") long conversationId,
                     @Bind("labelId") long labelId);
}
