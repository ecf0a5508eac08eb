package com.balcao.app.conversations;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What automatic distribution reads and writes: the departments that use it, their queues,
 * and the agents who may receive a conversation with how many open ones they hold.
 */
interface AssignmentDao {
    String AGENT = "u.active AND u.role = 'AGENT' AND EXISTS (SELECT 1 FROM user_departments ud "
        + "WHERE ud.user_id = u.id AND ud.department_id = :departmentId) ";

    /** An agent of a department; {@code lastAssignedAt} is null for one never given any. */
    record Agent(long id, String name, int maxConcurrent, int holding, Instant lastAssignedAt) {
    }

    /** An agent as read under their lock. */
    record Seat(String name, int maxConcurrent) {
    }

    @SqlQuery("SELECT id FROM departments WHERE active AND auto_assign = 1 ORDER BY id")
    List<Long> autoAssigning();

    @SqlQuery("SELECT COUNT(*) > 0 FROM departments WHERE id = :id AND active AND auto_assign = 1")
    boolean autoAssigns(@Bind("id") long departmentId);

    /** Conversations nobody holds (and the bot does not answer), longest waiting first. */
    @SqlQuery("SELECT id FROM conversations WHERE department_id = :departmentId "
        + "AND owner = 'QUEUE' "
        + "ORDER BY COALESCE(last_inbound_at, created_at), id LIMIT :limit")
    List<Long> queue(@Bind("departmentId") long departmentId, @Bind("limit") int limit);

    @SqlQuery("SELECT u.id, u.name, u.max_concurrent, u.last_assigned_at, "
        + "(SELECT COUNT(*) FROM conversations c WHERE c.assignee_id = u.id "
        + "AND c.owner = 'AGENT') AS holding FROM users u WHERE " + AGENT + "ORDER BY u.id")
    @RegisterRecordMapper(Agent.class)
    List<Agent> agents(@Bind("departmentId") long departmentId);

    /**
     * Locks the agent until the transaction ends: assignments to one person take turns, so
     * two replicas cannot both fill their last free slot. Empty when they left the department.
     */
    @SqlQuery("SELECT u.name, u.max_concurrent FROM users u WHERE u.id = :userId AND " + AGENT
        + "FOR UPDATE")
    @RegisterRecordMapper(Seat.class)
    Optional<Seat> lockAgent(@Bind("departmentId") long departmentId,
                             @Bind("userId") long userId);

    @SqlQuery("SELECT COUNT(*) FROM conversations WHERE assignee_id = :userId AND owner = 'AGENT'")
    int holding(@Bind("userId") long userId);

    @SqlUpdate("UPDATE users SET last_assigned_at = :now WHERE id = :userId")
    void markAssigned(@Bind("userId") long userId, @Bind("now") Instant now);
}
