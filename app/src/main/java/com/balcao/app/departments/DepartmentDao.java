package com.balcao.app.departments;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Departments of the tenant. */
@RegisterRecordMapper(Department.class)
public interface DepartmentDao {
    String COLUMNS = "id, name, slug, menu_keywords, response_timeout_minutes, active, created_at, "
        + "auto_assign";

    @SqlQuery("SELECT " + COLUMNS + " FROM departments ORDER BY active DESC, name, id")
    List<Department> all();

    @SqlQuery("SELECT " + COLUMNS + " FROM departments WHERE active ORDER BY name, id")
    List<Department> active();

    @SqlQuery("SELECT " + COLUMNS + " FROM departments WHERE id = :id")
    Optional<Department> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM departments WHERE slug = :slug")
    Optional<Department> findBySlug(@Bind("slug") String slug);

    @SqlUpdate("INSERT INTO departments (name, slug, menu_keywords, response_timeout_minutes, "
        + "auto_assign, active, created_at, updated_at) VALUES (:name, :slug, :keywords, "
        + ":timeout, :autoAssign, TRUE, :now, :now)")
    @GetGeneratedKeys
    long insert(@Bind("name") String name, @Bind("slug") String slug,
                @Bind("keywords") String keywords, @Bind("timeout") int timeoutMinutes,
                @Bind("autoAssign") boolean autoAssign, @Bind("now") Instant now);

    @SqlUpdate("UPDATE departments SET name = :name, slug = :slug, menu_keywords = :keywords, "
        + "response_timeout_minutes = :timeout, auto_assign = :autoAssign, updated_at = :now "
        + "WHERE id = :id")
    int update(@Bind("id") long id, @Bind("name") String name, @Bind("slug") String slug,
               @Bind("keywords") String keywords, @Bind("timeout") int timeoutMinutes,
               @Bind("autoAssign") boolean autoAssign, @Bind("now") Instant now);

    @SqlUpdate("UPDATE departments SET active = :active, updated_at = :now WHERE id = :id")
    int setActive(@Bind("id") long id, @Bind("active") boolean active, @Bind("now") Instant now);
}
