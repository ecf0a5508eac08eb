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
 * The webhook inbox. A worker claims due rows by pushing their {@code next_attempt_at} one
 * lease into the future (under {@code FOR UPDATE SKIP LOCKED}, so replicas never wait on each
 * other); a worker that dies simply lets the lease run out and another takes the row over.
 * Claims run under READ COMMITTED: repeatable read would also lock the index gaps the scan
 * passes, and the webhook's inserts into those gaps would deadlock with it.
 */
@RegisterRecordMapper(WebhookRow.class)
interface WebhookQueueDao {
    String PENDING = "PENDING";
    String DONE = "DONE";
    String PARKED = "PARKED";

    @SqlUpdate("INSERT INTO webhook_inbox (state, body, body_sha256, next_attempt_at, error, "
        + "received_at) VALUES (:state, :body, :sha, :now, :error, :now)")
    @GetGeneratedKeys
    long insert(@Bind("state") String state, @Bind("body") byte[] body, @Bind("sha") String sha,
                @Bind("error") String error, @Bind("now") Instant now);

    @SqlQuery("SELECT id FROM webhook_inbox WHERE state = 'PENDING' AND next_attempt_at <= :now "
        + "ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<Long> lockDue(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate("UPDATE webhook_inbox SET next_attempt_at = :until, lease_owner = :owner, "
        + "attempts = attempts + 1 WHERE id IN (<ids>)")
    void lease(@BindList("ids") List<Long> ids, @Bind("until") Instant until,
               @Bind("owner") String owner);

    @SqlQuery("SELECT id, state, body, attempts, error, received_at FROM webhook_inbox "
        + "WHERE id IN (<ids>) ORDER BY id")
    List<WebhookRow> rows(@BindList("ids") List<Long> ids);

    /** Claims up to {@code limit} due rows until {@code until}. */
    @Transaction(TransactionIsolationLevel.READ_COMMITTED)
    default List<WebhookRow> claim(Instant now, Instant until, String owner, int limit) {
        List<Long> ids = lockDue(now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        lease(ids, until, owner);
        return rows(ids);
    }

    @SqlUpdate("UPDATE webhook_inbox SET state = 'DONE', processed_at = :now, error = NULL, "
        + "lease_owner = NULL WHERE id IN (<ids>) AND state = 'PENDING'")
    int markDone(@BindList("ids") List<Long> ids, @Bind("now") Instant now);

    @SqlUpdate("UPDATE webhook_inbox SET next_attempt_at = :at, error = :error, "
        + "lease_owner = NULL WHERE id = :id AND state = 'PENDING'")
    int retryAt(@Bind("id") long id, @Bind("at") Instant at, @Bind("error") String error);

    @SqlUpdate("UPDATE webhook_inbox SET state = 'PARKED', error = :error, processed_at = :now, "
        + "lease_owner = NULL WHERE id = :id")
    int park(@Bind("id") long id, @Bind("error") String error, @Bind("now") Instant now);

    @SqlUpdate("UPDATE webhook_inbox SET state = 'PENDING', attempts = 0, next_attempt_at = :now "
        + "WHERE id = :id AND state = 'PARKED'")
    int requeue(@Bind("id") long id, @Bind("now") Instant now);

    @SqlQuery("SELECT id, state, body, attempts, error, received_at FROM webhook_inbox "
        + "WHERE state = 'PARKED' ORDER BY id DESC LIMIT :limit")
    List<WebhookRow> parked(@Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM webhook_inbox WHERE state = :state")
    long count(@Bind("state") String state);
}
