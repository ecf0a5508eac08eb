package com.balcao.app.whatsapp;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * The outbox. Claimed like the inbox: due rows get a lease by moving {@code next_attempt_at}
 * ahead, under {@code FOR UPDATE SKIP LOCKED}. {@code attempts} counts real send attempts only.
 * A claim's lease names its owner; the outcome of a send is written only while the row is
 * still that owner's, so a sender that stalled past its lease cannot undo another's work.
 */
@RegisterRecordMapper(OutboxRow.class)
interface OutboxDao {
    String COLUMNS = "id, message_id, wa_number_id, recipient, kind, body, media_id, attempts";

    @SqlUpdate("INSERT INTO wa_outbox (message_id, wa_number_id, recipient, kind, body, "
        + "media_id, state, next_attempt_at, created_at, updated_at) VALUES (:messageId, "
        + ":numberId, :recipient, :kind, :body, :mediaId, 'PENDING', :now, :now, :now)")
    @GetGeneratedKeys
    long insert(@Bind("messageId") Long messageId, @Bind("numberId") long numberId,
                @Bind("recipient") String recipient, @Bind("kind") String kind,
                @Bind("body") String body, @Bind("mediaId") Long mediaId,
                @Bind("now") Instant now);

    /**
     * Due rows, oldest first. A customer reads our messages in the order we wrote them: a
     * message waits while an earlier one to the same person is still pending (in flight, or
     * waiting for a retry), so two senders never race two messages to one chat.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM wa_outbox o WHERE o.state = 'PENDING' "
        + "AND o.next_attempt_at <= :now AND NOT EXISTS (SELECT 1 FROM wa_outbox e "
        + "WHERE e.wa_number_id = o.wa_number_id AND e.recipient = o.recipient "
        + "AND e.state = 'PENDING' AND e.kind = 'message' AND e.id < o.id) "
        + "ORDER BY o.id LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<OutboxRow> lockDue(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate("UPDATE wa_outbox SET next_attempt_at = :until, lease_owner = :owner "
        + "WHERE id IN (<ids>)")
    void lease(@BindList("ids") List<Long> ids, @Bind("until") Instant until,
               @Bind("owner") String owner);

    /** Claims up to {@code limit} due rows until {@code until}. */
    @Transaction(TransactionIsolationLevel.READ_COMMITTED)
    default List<OutboxRow> claim(Instant now, Instant until, String owner, int limit) {
        List<OutboxRow> rows = lockDue(now, limit);
        if (!rows.isEmpty()) {
            lease(rows.stream().map(OutboxRow::id).toList(), until, owner);
        }
        return rows;
    }

    /**
     * Extends the lease right before the Graph call; 0 when the row is no longer this owner's
     * (its lease ran out and another sender took it, or it was already settled).
     */
    @SqlUpdate("UPDATE wa_outbox SET next_attempt_at = :until WHERE id = :id "
        + "AND lease_owner = :owner AND state = 'PENDING'")
    int renew(@Bind("id") long id, @Bind("owner") String owner, @Bind("until") Instant until);

    @SqlUpdate("UPDATE wa_outbox SET state = 'SENT', attempts = attempts + 1, sent_at = :now, "
        + "updated_at = :now, lease_owner = NULL WHERE id = :id AND lease_owner = :owner")
    int markSent(@Bind("id") long id, @Bind("owner") String owner, @Bind("now") Instant now);

    @SqlUpdate("UPDATE wa_outbox SET attempts = attempts + 1, next_attempt_at = :at, "
        + "last_error_code = :code, last_error = :error, updated_at = :now, lease_owner = NULL "
        + "WHERE id = :id AND lease_owner = :owner")
    int retryAt(@Bind("id") long id, @Bind("owner") String owner, @Bind("at") Instant at,
                @Bind("code") Integer code, @Bind("error") String error,
                @Bind("now") Instant now);

    /** Puts a row back without counting an attempt (the recipient's pair limit was reached). */
    @SqlUpdate("UPDATE wa_outbox SET next_attempt_at = :at, lease_owner = NULL WHERE id = :id "
        + "AND lease_owner = :owner")
    int defer(@Bind("id") long id, @Bind("owner") String owner, @Bind("at") Instant at);

    @SqlUpdate("UPDATE wa_outbox SET state = 'FAILED', attempts = attempts + 1, "
        + "last_error_code = :code, last_error = :error, updated_at = :now, lease_owner = NULL "
        + "WHERE id = :id AND lease_owner = :owner")
    int fail(@Bind("id") long id, @Bind("owner") String owner, @Bind("code") Integer code,
             @Bind("error") String error, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM wa_outbox WHERE state = :state")
    long count(@Bind("state") String state);
}
