package com.balcao.app.labels;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The tenant's labels. */
@RegisterRecordMapper(Label.class)
public interface LabelDao {

    @SqlQuery("SELECT id, name, color FROM labels ORDER BY name")
    List<Label> all();

    @SqlQuery("SELECT id, name, color FROM labels WHERE id = :id")
    Optional<Label> find(@Bind("id") long id);

    @SqlQuery("SELECT id, name, color FROM labels WHERE name = :name")
    Optional<Label> findByName(@Bind("name") String name);

    @SqlUpdate("INSERT INTO labels (name, color, created_at, updated_at) "
        + "VALUES (:name, :color, :now, :now)")
    void insert(@Bind("name") String name, @Bind("color") String color, @Bind("now") Instant now);

    @SqlUpdate("UPDATE labels SET name = :name, color = :color, updated_at = :now WHERE id = :id")
    int update(@Bind("id") long id, @Bind("name") String name, @Bind("color") String color,
               @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM labels WHERE id = :id")
    int delete(@Bind("id") long id);
}
