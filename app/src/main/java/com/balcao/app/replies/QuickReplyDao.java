package com.balcao.app.replies;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Quick replies, with the name of the department they are limited to. */
@RegisterRecordMapper(QuickReply.class)
public interface QuickReplyDao {
    String SELECT = "SELECT q.id, q.shortcut, q.body, q.department_id, d.name AS department_name "
        + "FROM quick_replies q LEFT JOIN departments d ON d.id = q.department_id ";

    @SqlQuery(SELECT + "ORDER BY q.shortcut")
    List<QuickReply> all();

    @SqlQuery(SELECT + "WHERE q.id = :id")
    Optional<QuickReply> find(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE q.shortcut = :shortcut")
    Optional<QuickReply> findByShortcut(@Bind("shortcut") String shortcut);

    /** Replies usable in the given departments (plus those for everyone), by prefix. */
    @SqlQuery(SELECT + "WHERE q.shortcut LIKE CONCAT(:prefix, '%') "
        + "AND (q.department_id IS NULL OR q.department_id IN (<departments>)) "
        + "ORDER BY q.shortcut LIMIT 20")
    List<QuickReply> matching(@Bind("prefix") String prefix,
                              @BindList(value = "departments",
                                  onEmpty = BindList.EmptyHandling.NULL_STRING)
                              Collection<Long> departmentIds);

    @SqlQuery(SELECT + "WHERE q.shortcut LIKE CONCAT(:prefix, '%') ORDER BY q.shortcut LIMIT 20")
    List<QuickReply> matchingAll(@Bind("prefix") String prefix);

    @SqlUpdate("INSERT INTO quick_replies (shortcut, body, department_id, created_at, updated_at) "
        + "VALUES (:shortcut, :body, :departmentId, :now, :now)")
    void insert(@Bind("shortcut") String shortcut, @Bind("body") String body,
                @Bind("departmentId") Long departmentId, @Bind("now") Instant now);

    @SqlUpdate("UPDATE quick_replies SET shortcut = :shortcut, body = :body, "
        + "department_id = :departmentId, updated_at = :now WHERE id = :id")
    int update(@Bind("id") long id, @Bind("shortcut") String shortcut, @Bind("body") String body,
               @Bind("departmentId") Long departmentId, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM quick_replies WHERE id = :id")
    int delete(@Bind("id") long id);
}
