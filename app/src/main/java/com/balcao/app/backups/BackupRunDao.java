package com.balcao.app.backups;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The history of backup runs (kept in place when a backup is restored). */
@RegisterRecordMapper(BackupRun.class)
interface BackupRunDao {
    String COLUMNS = "id, backup_id, snapshot, trigger_kind, status, started_at, finished_at, "
        + "scheduled_for, size_bytes, added_bytes, verified_at, problem, instance";

    @SqlUpdate("INSERT INTO backup_runs (trigger_kind, status, started_at, scheduled_for, "
        + "instance) VALUES (:trigger, 'RUNNING', :now, :scheduledFor, :instance)")
    @GetGeneratedKeys("id")
    long start(@Bind("trigger") BackupRun.Trigger trigger, @Bind("now") Instant now,
               @Bind("scheduledFor") Instant scheduledFor, @Bind("instance") String instance);

    @SqlUpdate("UPDATE backup_runs SET status = 'SUCCEEDED', backup_id = :backupId, "
        + "snapshot = :snapshot, finished_at = :now, size_bytes = :size, added_bytes = :added "
        + "WHERE id = :id")
    void succeeded(@Bind("id") long id, @Bind("backupId") String backupId,
                   @Bind("snapshot") String snapshot, @Bind("size") long size,
                   @Bind("added") long added, @Bind("now") Instant now);

    /** A backup found in the repository that this database has no run for. */
    @SqlUpdate("INSERT INTO backup_runs (backup_id, trigger_kind, status, started_at, instance) "
        + "VALUES (:backupId, 'COMMAND', 'SUCCEEDED', :startedAt, :instance)")
    void adopt(@Bind("backupId") String backupId, @Bind("startedAt") Instant startedAt,
               @Bind("instance") String instance);

    @SqlUpdate("UPDATE backup_runs SET status = 'FAILED', finished_at = :now, problem = :problem "
        + "WHERE id = :id")
    void failed(@Bind("id") long id, @Bind("problem") String problem, @Bind("now") Instant now);

    @SqlUpdate("UPDATE backup_runs SET verified_at = :now, problem = NULL "
        + "WHERE backup_id = :backupId")
    void verified(@Bind("backupId") String backupId, @Bind("now") Instant now);

    @SqlUpdate("UPDATE backup_runs SET verified_at = NULL, problem = :problem "
        + "WHERE backup_id = :backupId")
    void unverified(@Bind("backupId") String backupId, @Bind("problem") String problem);

    @SqlUpdate("UPDATE backup_runs SET status = 'EXPIRED' WHERE status = 'SUCCEEDED' "
        + "AND backup_id NOT IN (<kept>)")
    void expireAllBut(@BindList(value = "kept", onEmpty = BindList.EmptyHandling.NULL_STRING)
                      Collection<String> kept);

    @SqlQuery("SELECT " + COLUMNS + " FROM backup_runs WHERE status <> 'EXPIRED' "
        + "ORDER BY started_at DESC, id DESC LIMIT :limit")
    List<BackupRun> recent(@Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM backup_runs WHERE backup_id = :id OR snapshot = :id "
        + "OR CONCAT('run-', id) = :id")
    Optional<BackupRun> find(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM backup_runs WHERE status IN ('SUCCEEDED', 'FAILED') "
        + "ORDER BY started_at DESC, id DESC LIMIT 1")
    Optional<BackupRun> lastFinished();

    @SqlQuery("SELECT " + COLUMNS + " FROM backup_runs WHERE status = 'SUCCEEDED' "
        + "AND verified_at IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT 1")
    Optional<BackupRun> lastVerified();

    /** When the tenant's database was first migrated: its first start, give or take. */
    @SqlQuery("SELECT MIN(DATEEXECUTED) FROM DATABASECHANGELOG")
    Optional<Instant> installedAt();
}
