package com.balcao.app.bot;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Flows and their versions. At most one flow is active (the unique active_flag). */
interface FlowDao {

    /** A flow and its published version. */
    record FlowRow(long id, String flowKey, String name, boolean active, int publishedVersion,
                   Instant updatedAt) {
    }

    /** One stored version of a flow. */
    record VersionRow(long id, long flowId, String flowKey, int version, String definition,
                      Instant createdAt) {
    }

    String FLOW = "SELECT id, flow_key, name, active_flag IS NOT NULL AS active, "
        + "published_version, updated_at FROM bot_flows ";
    String VERSION = "SELECT v.id, v.flow_id, f.flow_key, v.version, v.definition, v.created_at "
        + "FROM bot_flow_versions v JOIN bot_flows f ON f.id = v.flow_id ";

    @SqlQuery(FLOW + "ORDER BY active_flag IS NULL, name")
    @RegisterRecordMapper(FlowRow.class)
    List<FlowRow> all();

    @SqlQuery(FLOW + "WHERE flow_key = :key")
    @RegisterRecordMapper(FlowRow.class)
    Optional<FlowRow> find(@Bind("key") String key);

    @SqlQuery(FLOW + "WHERE flow_key = :key FOR UPDATE")
    @RegisterRecordMapper(FlowRow.class)
    Optional<FlowRow> lock(@Bind("key") String key);

    @SqlQuery("SELECT v.id FROM bot_flow_versions v JOIN bot_flows f ON f.id = v.flow_id "
        + "WHERE f.active_flag = 1 AND v.version = f.published_version")
    Optional<Long> activeVersionId();

    @SqlQuery(VERSION + "WHERE f.flow_key = :key AND v.version = f.published_version")
    @RegisterRecordMapper(VersionRow.class)
    Optional<VersionRow> published(@Bind("key") String key);

    @SqlQuery(VERSION + "WHERE v.id = :id")
    @RegisterRecordMapper(VersionRow.class)
    Optional<VersionRow> version(@Bind("id") long id);

    @SqlQuery(VERSION + "WHERE f.flow_key = :key ORDER BY v.version DESC")
    @RegisterRecordMapper(VersionRow.class)
    List<VersionRow> versions(@Bind("key") String key);

    @SqlUpdate("INSERT INTO bot_flows (flow_key, name, published_version, created_at, updated_at) "
        + "VALUES (:key, :name, 0, :now, :now)")
    @GetGeneratedKeys
    long insertFlow(@Bind("key") String key, @Bind("name") String name, @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO bot_flow_versions (flow_id, version, definition, created_by, "
        + "created_at) VALUES (:flowId, :version, :definition, :by, :now)")
    @GetGeneratedKeys
    long insertVersion(@Bind("flowId") long flowId, @Bind("version") int version,
                       @Bind("definition") String definition, @Bind("by") Long by,
                       @Bind("now") Instant now);

    @SqlUpdate("UPDATE bot_flows SET published_version = :version, name = :name, "
        + "updated_at = :now WHERE id = :id")
    void publish(@Bind("id") long id, @Bind("version") int version, @Bind("name") String name,
                 @Bind("now") Instant now);

    @SqlUpdate("UPDATE bot_flows SET active_flag = NULL, updated_at = :now "
        + "WHERE active_flag = 1")
    void deactivateAll(@Bind("now") Instant now);

    @SqlUpdate("UPDATE bot_flows SET active_flag = 1, updated_at = :now WHERE id = :id")
    void activate(@Bind("id") long id, @Bind("now") Instant now);
}
