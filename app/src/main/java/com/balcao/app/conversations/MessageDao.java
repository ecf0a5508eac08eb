package com.balcao.app.conversations;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Messages. The WhatsApp id is unique, so storing a customer's message twice is impossible;
 * statuses only move up their {@link MessageStatus#rank}.
 */
@RegisterRecordMapper(MessageRow.class)
public interface MessageDao {
    String SELECT = "SELECT m.id, m.public_id, m.conversation_id, m.direction, m.wa_message_id, "
        + "m.type, m.body, m.caption, m.media_id, md.public_id AS media_public_id, "
        + "md.mime_type AS media_mime_type, md.filename AS media_filename, "
        + "md.file_size AS media_size, md.state AS media_state, m.context_wa_id, m.payload, "
        + "m.status, m.error_code, m.error_title, m.error_detail, m.sender_user_id, m.sent_at, "
        + "m.created_at, m.sender_kind FROM messages m LEFT JOIN wa_media md ON md.id = m.media_id ";

    @SqlQuery(MessageAudience.SELECT + "WHERE m.wa_message_id IN (<wamids>)")
    @RegisterRecordMapper(MessageAudience.class)
    List<MessageAudience> audienceByWamids(@BindList("wamids") List<String> wamids);

    @SqlQuery(MessageAudience.SELECT + "WHERE m.id = :id")
    @RegisterRecordMapper(MessageAudience.class)
    Optional<MessageAudience> audience(@Bind("id") long id);

    @SqlQuery("SELECT " + MessageAudience.COLUMNS + ", EXISTS (SELECT 1 FROM message_statuses s "
        + "WHERE s.wa_message_id = m.wa_message_id) AS statuses_first " + MessageAudience.FROM
        + "WHERE m.id = :id")
    @RegisterRecordMapper(MessageAudience.Accepted.class)
    Optional<MessageAudience.Accepted> acceptedAudience(@Bind("id") long id);

    @SqlQuery("SELECT COUNT(*) > 0 FROM messages WHERE wa_message_id = :wamid")
    boolean exists(@Bind("wamid") String wamid);

    @SqlUpdate("INSERT INTO messages (public_id, conversation_id, direction, wa_message_id, type, "
        + "body, caption, media_id, context_wa_id, payload, status, status_rank, sender_user_id, "
        + "idempotency_key, sent_at, created_at, updated_at, sender_kind) VALUES (:publicId, "
        + ":conversationId, :direction, :wamid, :type, :body, :caption, :mediaId, :contextWaId, "
        + ":payload, :status, :rank, :senderId, :idempotencyKey, :sentAt, :now, :now, "
        + ":senderKind)")
    @GetGeneratedKeys
    long insert(@BindMethods NewMessage message, @Bind("now") Instant now);

    @SqlQuery(SELECT + "WHERE m.id = :id")
    Optional<MessageRow> find(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE m.conversation_id = :conversationId AND m.public_id = :publicId")
    Optional<MessageRow> findInConversation(@Bind("conversationId") long conversationId,
                                            @Bind("publicId") String publicId);

    @SqlQuery(SELECT + "WHERE m.wa_message_id = :wamid")
    Optional<MessageRow> findByWamid(@Bind("wamid") String wamid);

    @SqlQuery(SELECT + "WHERE m.media_id = :mediaId")
    List<MessageRow> findByMedia(@Bind("mediaId") long mediaId);

    @SqlQuery(SELECT + "WHERE m.conversation_id = :conversationId "
        + "AND m.idempotency_key = :idempotencyKey")
    Optional<MessageRow> findByKey(@Bind("conversationId") long conversationId,
                                   @Bind("idempotencyKey") String idempotencyKey);

    /** A page of a conversation's messages, newest first. */
    @SqlQuery(SELECT + "WHERE m.conversation_id = :conversationId AND (:cursorAt IS NULL "
        + "OR m.sent_at < :cursorAt OR (m.sent_at = :cursorAt AND m.id < :cursorId)) "
        + "ORDER BY m.sent_at DESC, m.id DESC LIMIT :limit")
    List<MessageRow> page(@Bind("conversationId") long conversationId,
                          @Bind("cursorAt") Instant cursorAt, @Bind("cursorId") Long cursorId,
                          @Bind("limit") int limit);

    /**
     * A page of a contact's history (the messages of several of their conversations, see
     * {@code InboxDao.history}), newest first.
     */
    @SqlQuery(SELECT + "WHERE m.conversation_id IN (<ids>) AND (:cursorAt IS NULL "
        + "OR m.sent_at < :cursorAt OR (m.sent_at = :cursorAt AND m.id < :cursorId)) "
        + "ORDER BY m.sent_at DESC, m.id DESC LIMIT :limit")
    List<MessageRow> historyPage(@BindList("ids") List<Long> conversationIds,
                                 @Bind("cursorAt") Instant cursorAt,
                                 @Bind("cursorId") Long cursorId, @Bind("limit") int limit);

    /** A contact's history from a cursor on, oldest first: what a live chat refreshes. */
    @SqlQuery(SELECT + "WHERE m.conversation_id IN (<ids>) AND (m.sent_at > :cursorAt "
        + "OR (m.sent_at = :cursorAt AND m.id >= :cursorId)) ORDER BY m.sent_at, m.id LIMIT :limit")
    List<MessageRow> historySince(@BindList("ids") List<Long> conversationIds,
                                  @Bind("cursorAt") Instant cursorAt,
                                  @Bind("cursorId") long cursorId, @Bind("limit") int limit);

    /** A conversation's messages from a cursor on, oldest first: what a live chat refreshes. */
    @SqlQuery(SELECT + "WHERE m.conversation_id = :conversationId AND (m.sent_at > :cursorAt "
        + "OR (m.sent_at = :cursorAt AND m.id >= :cursorId)) ORDER BY m.sent_at, m.id LIMIT :limit")
    List<MessageRow> since(@Bind("conversationId") long conversationId,
                           @Bind("cursorAt") Instant cursorAt, @Bind("cursorId") long cursorId,
                           @Bind("limit") int limit);

    @SqlQuery(SELECT + "WHERE m.conversation_id = :conversationId AND m.direction = 'inbound' "
        + "ORDER BY m.sent_at DESC, m.id DESC LIMIT 1")
    Optional<MessageRow> lastInbound(@Bind("conversationId") long conversationId);

    /** The Graph API took our message: it now has a wamid. */
    @SqlUpdate("UPDATE messages SET wa_message_id = COALESCE(wa_message_id, :wamid), "
        + "status = CASE WHEN status_rank < 1 THEN 'accepted' ELSE status END, "
        + "status_rank = GREATEST(status_rank, 1), updated_at = :now WHERE id = :id")
    int accepted(@Bind("id") long id, @Bind("wamid") String wamid, @Bind("now") Instant now);

    /** Links a status that arrived first to our message, through the echoed callback data. */
    @SqlUpdate("UPDATE messages SET wa_message_id = :wamid, updated_at = :now "
        + "WHERE public_id = :publicId AND direction = 'outbound' AND wa_message_id IS NULL")
    int adoptWamid(@Bind("publicId") String publicId, @Bind("wamid") String wamid,
                   @Bind("now") Instant now);

    @SqlUpdate("UPDATE messages SET status = :status, status_rank = :rank, updated_at = :now "
        + "WHERE wa_message_id = :wamid AND status_rank < :rank")
    int advance(@Bind("wamid") String wamid, @Bind("status") MessageStatus status,
                @Bind("rank") int rank, @Bind("now") Instant now);

    /** Moves the message to {@code status} unless it got as far already. */
    default int advance(String wamid, MessageStatus status, Instant now) {
        return advance(wamid, status, status.rank(), now);
    }

    /** One message's move up to a status, for {@link #advanceAll}. */
    record Advance(String wamid, MessageStatus status) {
        public int rank() {
            return status.rank();
        }
    }

    /** {@link #advance} for many messages in one round trip; how many rows each moved. */
    @SqlBatch("UPDATE messages SET status = :status, status_rank = :rank, updated_at = :now "
        + "WHERE wa_message_id = :wamid AND status_rank < :rank")
    int[] advanceAll(@BindMethods List<Advance> moves, @Bind("now") Instant now);

    String FAIL = "UPDATE messages SET status = CASE WHEN status_rank <= 2 THEN 'failed' "
        + "ELSE status END, status_rank = GREATEST(status_rank, 2), error_code = :code, "
        + "error_title = :title, error_detail = :detail, updated_at = :now ";

    /** A failure keeps its reason; it is the status unless the message got further already. */
    @SqlUpdate(FAIL + "WHERE wa_message_id = :wamid")
    int failByWamid(@Bind("wamid") String wamid, @Bind("code") Integer code,
                    @Bind("title") String title, @Bind("detail") String detail,
                    @Bind("now") Instant now);

    @SqlUpdate(FAIL + "WHERE id = :id")
    int failById(@Bind("id") long id, @Bind("code") Integer code, @Bind("title") String title,
                 @Bind("detail") String detail, @Bind("now") Instant now);
}
