package com.balcao.app.conversations;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** A department's queue: open conversations waiting for a person (the bot has let go). */
interface QueueDao {

    record Waiting(int waiting, Instant oldestWaitingSince) {
    }

    @SqlQuery("SELECT COUNT(*) AS waiting, MIN(last_inbound_at) AS oldest_waiting_since "
        + "FROM conversations WHERE department_id = :departmentId AND owner = 'QUEUE'")
    @RegisterRecordMapper(Waiting.class)
    Waiting of(@Bind("departmentId") long departmentId);
}
