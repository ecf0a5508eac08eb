package com.balcao.app.bot;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Where each bot-held conversation stands in its flow, and when contacts were greeted. */
interface SessionDao {

    /** A stored session; {@code vars} is JSON. */
    record SessionRow(long conversationId, long versionId, String state, int misses, String vars,
                      Instant lastActivityAt, Instant minuteStart, int sentInMinute,
                      Long lastMessageId, Instant timeoutAt) {
    }

    @SqlQuery("SELECT conversation_id, version_id, state, misses, vars, last_activity_at, "
        + "minute_start, sent_in_minute, last_message_id, timeout_at FROM bot_sessions "
        + "WHERE conversation_id = :id")
    @RegisterRecordMapper(SessionRow.class)
    Optional<SessionRow> find(@Bind("id") long conversationId);

    @SqlUpdate("INSERT INTO bot_sessions (conversation_id, version_id, state, misses, vars, "
        + "last_activity_at, minute_start, sent_in_minute, last_message_id, timeout_at) VALUES "
        + "(:id, :versionId, :state, :misses, :vars, :lastActivityAt, :minuteStart, :sent, "
        + ":lastMessageId, :timeoutAt) ON DUPLICATE KEY UPDATE version_id = VALUES(version_id), "
        + "state = VALUES(state), misses = VALUES(misses), vars = VALUES(vars), "
        + "last_activity_at = VALUES(last_activity_at), minute_start = VALUES(minute_start), "
        + "sent_in_minute = VALUES(sent_in_minute), "
        + "last_message_id = COALESCE(VALUES(last_message_id), last_message_id), "
        + "timeout_at = VALUES(timeout_at)")
    void save(@Bind("id") long conversationId, @Bind("versionId") long versionId,
              @Bind("state") String state, @Bind("misses") int misses, @Bind("vars") String vars,
              @Bind("lastActivityAt") Instant lastActivityAt,
              @Bind("minuteStart") Instant minuteStart, @Bind("sent") int sentInMinute,
              @Bind("lastMessageId") Long lastMessageId, @Bind("timeoutAt") Instant timeoutAt);

    @SqlUpdate("DELETE FROM bot_sessions WHERE conversation_id = :id")
    void delete(@Bind("id") long conversationId);

    @SqlQuery("SELECT conversation_id FROM bot_sessions WHERE timeout_at <= :now "
        + "ORDER BY timeout_at LIMIT :limit")
    List<Long> due(@Bind("now") Instant now, @Bind("limit") int limit);

    /** A customer's newest message the bot has not answered, in a conversation it owns. */
    record Unanswered(long conversationId, long messageId, String type, String body,
                      String payload) {
    }

    /** Message types the bot lets pass without an answer ({@link #SILENT_TYPES} in SQL). */
    java.util.Set<String> SILENT = java.util.Set.of("reaction", "unsupported", "system",
        "request_welcome");
    String SILENT_TYPES = "'reaction', 'unsupported', 'system', 'request_welcome'";

    /** Open conversations the bot owns whose newest customer message it has not answered. */
    String UNANSWERED = "FROM conversations c JOIN messages m ON m.id = (SELECT MAX(x.id) "
        + "FROM messages x WHERE x.conversation_id = c.id AND x.direction = 'inbound' "
        + "AND x.type NOT IN (" + SILENT_TYPES + ")) "
        + "LEFT JOIN bot_sessions s ON s.conversation_id = c.id "
        + "WHERE c.owner = 'BOT' AND c.open_flag = 1 "
        + "AND (s.last_message_id IS NULL OR s.last_message_id < m.id) ";

    @SqlQuery("SELECT c.id AS conversation_id, m.id AS message_id, m.type, m.body, m.payload "
        + UNANSWERED + "AND m.created_at <= :before ORDER BY m.id LIMIT :limit")
    @RegisterRecordMapper(Unanswered.class)
    List<Unanswered> unanswered(@Bind("before") Instant before, @Bind("limit") int limit);

    @SqlQuery("SELECT greeted_at FROM bot_greetings WHERE contact_id = :contactId")
    Optional<Instant> greetedAt(@Bind("contactId") long contactId);

    @SqlUpdate("INSERT INTO bot_greetings (contact_id, greeted_at) VALUES (:contactId, :at) "
        + "ON DUPLICATE KEY UPDATE greeted_at = VALUES(greeted_at)")
    void greeted(@Bind("contactId") long contactId, @Bind("at") Instant at);
}
