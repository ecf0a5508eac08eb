package com.balcao.app.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Who handles a conversation. Every change runs after {@link #lock}, so two people acting at
 * once on the same conversation take turns and the second sees the first one's result.
 */
interface HandlingDao {

    /** A department or a person someone may transfer a conversation to. */
    record Target(long id, String name) {
    }

    @SqlQuery("SELECT id FROM conversations WHERE id = :id FOR UPDATE")
    Optional<Long> lock(@Bind("id") long id);

    @SqlUpdate("UPDATE conversations SET assignee_id = :assigneeId, bot_active = 0, "
        + "updated_at = :now WHERE id = :id")
    void assign(@Bind("id") long id, @Bind("assigneeId") long assigneeId,
                @Bind("now") Instant now);

    @SqlUpdate("UPDATE conversations SET assignee_id = NULL, bot_active = 1, updated_at = :now "
        + "WHERE id = :id")
    void toBot(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE conversations SET status = 'resolved', open_flag = NULL, bot_active = 0, "
        + "unread_count = 0, closed_at = :now, updated_at = :now WHERE id = :id")
    void resolve(@Bind("id") long id, @Bind("now") Instant now);

    /** Fails on the unique key when the contact opened a new conversation meanwhile. */
    @SqlUpdate("UPDATE conversations SET status = 'open', open_flag = 1, assignee_id = :assigneeId, "
        + "bot_active = 0, closed_at = NULL, updated_at = :now WHERE id = :id")
    void reopen(@Bind("id") long id, @Bind("assigneeId") long assigneeId,
                @Bind("now") Instant now);

    @SqlUpdate("UPDATE conversations SET department_id = :departmentId, assignee_id = :assigneeId, "
        + "bot_active = 0, updated_at = :now WHERE id = :id")
    void transfer(@Bind("id") long id, @Bind("departmentId") Long departmentId,
                  @Bind("assigneeId") Long assigneeId, @Bind("now") Instant now);

    @SqlUpdate("UPDATE conversations SET unread_count = 0 WHERE id = :id AND unread_count > 0")
    int markRead(@Bind("id") long id);

    @SqlQuery("SELECT id, name FROM departments WHERE id = :id AND active")
    @RegisterConstructorMapper(Target.class)
    Optional<Target> activeDepartment(@Bind("id") long id);

    @SqlQuery("SELECT id, name FROM users WHERE id = :id AND active")
    @RegisterConstructorMapper(Target.class)
    Optional<Target> activePerson(@Bind("id") long id);

    @SqlQuery("SELECT id, name FROM departments WHERE active ORDER BY name")
    @RegisterConstructorMapper(Target.class)
    List<Target> departments();

    @SqlQuery("SELECT id, name FROM users WHERE active ORDER BY name")
    @RegisterConstructorMapper(Target.class)
    List<Target> people();
}
