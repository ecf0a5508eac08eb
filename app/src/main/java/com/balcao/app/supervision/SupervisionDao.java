package com.balcao.app.supervision;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What supervisors watch: waiting conversations per department and each person's load. */
public interface SupervisionDao {

    /** One department's queue: open conversations waiting for a person, and the oldest wait. */
    record Queue(long departmentId, String department, int waiting, Instant oldestWaitingSince) {
    }

    /** One staff member and how many open conversations they hold. */
    record Load(long userId, String name, String role, int maxConcurrent, int holding) {
    }

    @SqlQuery("SELECT d.id AS department_id, d.name AS department, "
        + "COUNT(c.id) AS waiting, MIN(c.last_inbound_at) AS oldest_waiting_since "
        + "FROM departments d LEFT JOIN conversations c ON c.department_id = d.id "
        + "AND c.owner = 'QUEUE' "
        + "WHERE d.active GROUP BY d.id, d.name ORDER BY d.name")
    @RegisterRecordMapper(Queue.class)
    List<Queue> queues();

    @SqlQuery("SELECT u.id AS user_id, u.name, u.role, u.max_concurrent, COUNT(c.id) AS holding "
        + "FROM users u LEFT JOIN conversations c ON c.assignee_id = u.id AND c.owner = 'AGENT' "
        + "WHERE u.active GROUP BY u.id, u.name, u.role, u.max_concurrent ORDER BY u.name")
    @RegisterRecordMapper(Load.class)
    List<Load> loads();
}
