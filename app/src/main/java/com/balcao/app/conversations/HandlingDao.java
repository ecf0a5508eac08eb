package com.balcao.app.conversations;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Who handles a conversation. Every change runs after {@link #lock}, so two people acting at
 * once on the same conversation take turns and the second sees the first one's result.
 */
public interface HandlingDao {

    /** A department or a person someone may transfer a conversation to. */
    record Target(long id, String name) {
    }

    @SqlQuery("SELECT id FROM conversations WHERE id = :id FOR UPDATE")
    Optional<Long> lock(@Bind("id") long id);

    /**
     * Writes a move of the owner state ({@link OwnerState}) with the department it lands in.
     * {@code open_flag} follows the owner (the unique key allows one open conversation per
     * contact and number), so reopening fails on that key when a newer one is open.
     */
    @SqlUpdate("UPDATE conversations SET owner = :owner, assignee_id = :assigneeId, "
        + "department_id = :departmentId, "
        + "open_flag = CASE WHEN :owner = 'CLOSED' THEN NULL ELSE 1 END, "
        + "closed_at = CASE WHEN :owner = 'CLOSED' THEN :now ELSE NULL END, "
        + "unread_count = CASE WHEN :owner = 'CLOSED' THEN 0 ELSE unread_count END, "
        + "updated_at = :now WHERE id = :id")
    void move(@Bind("id") long id, @Bind("owner") ConversationOwner owner,
              @Bind("assigneeId") Long assigneeId, @Bind("departmentId") Long departmentId,
              @Bind("now") Instant now);

    default void move(long id, OwnerState to, Long departmentId, Instant now) {
        move(id, to.owner(), to.assigneeId(), departmentId, now);
    }

    @SqlUpdate("UPDATE conversations SET unread_count = 0 WHERE id = :id AND unread_count > 0")
    int markRead(@Bind("id") long id);

    @SqlQuery("SELECT id, name FROM departments WHERE id = :id AND active")
    @RegisterRecordMapper(Target.class)
    Optional<Target> activeDepartment(@Bind("id") long id);

    @SqlQuery("SELECT id, name FROM users WHERE id = :id AND active")
    @RegisterRecordMapper(Target.class)
    Optional<Target> activePerson(@Bind("id") long id);

    @SqlQuery("SELECT id, name FROM departments WHERE active ORDER BY name")
    @RegisterRecordMapper(Target.class)
    List<Target> departments();

    @SqlQuery("SELECT id, name FROM users WHERE active ORDER BY name")
    @RegisterRecordMapper(Target.class)
    List<Target> people();
}
