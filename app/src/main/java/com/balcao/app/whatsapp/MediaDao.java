package com.balcao.app.whatsapp;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Media files and the queue of downloads (state PENDING, claimed like the inbox). */
@RegisterRecordMapper(MediaRow.class)
interface MediaDao {
    String COLUMNS = "id, public_id, wa_number_id, direction, wa_media_id, mime_type, sha256, "
        + "file_size, filename, storage_path, state, attempts";

    @SqlUpdate("INSERT INTO wa_media (public_id, wa_number_id, direction, wa_media_id, mime_type, "
        + "sha256, file_size, filename, storage_path, state, next_attempt_at, created_at, "
        + "updated_at) VALUES (:publicId, :numberId, :direction, :waMediaId, :mimeType, :sha256, "
        + ":size, :filename, :path, :state, :now, :now, :now)")
    @GetGeneratedKeys
    long insert(@Bind("publicId") String publicId, @Bind("numberId") long numberId,
                @Bind("direction") String direction, @Bind("waMediaId") String waMediaId,
                @Bind("mimeType") String mimeType, @Bind("sha256") String sha256,
                @Bind("size") Long size, @Bind("filename") String filename,
                @Bind("path") String storagePath, @Bind("state") String state,
                @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM wa_media WHERE id = :id")
    Optional<MediaRow> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM wa_media WHERE public_id = :publicId")
    Optional<MediaRow> findByPublicId(@Bind("publicId") String publicId);

    /** Ties an agent's upload to the conversation it was uploaded in and its uploader. */
    @SqlUpdate("UPDATE wa_media SET conversation_id = :conversationId, uploaded_by = :uploader "
        + "WHERE id = :id")
    int own(@Bind("id") long id, @Bind("conversationId") long conversationId,
            @Bind("uploader") long uploader);

    @SqlQuery("SELECT " + COLUMNS + " FROM wa_media WHERE public_id = :publicId "
        + "AND direction = 'out' AND conversation_id = :conversationId AND uploaded_by = :uploader")
    Optional<MediaRow> findUpload(@Bind("publicId") String publicId,
                                  @Bind("conversationId") long conversationId,
                                  @Bind("uploader") long uploader);

    /** Uploads older than {@code cutoff} that no message uses: id and where the file is. */
    @SqlQuery("SELECT " + COLUMNS + " FROM wa_media m WHERE m.direction = 'out' "
        + "AND m.created_at < :cutoff "
        + "AND NOT EXISTS (SELECT 1 FROM messages WHERE media_id = m.id) "
        + "ORDER BY m.id LIMIT 500")
    List<MediaRow> unsentBefore(@Bind("cutoff") Instant cutoff);

    @SqlUpdate("DELETE FROM wa_media WHERE id = :id AND direction = 'out' "
        + "AND NOT EXISTS (SELECT 1 FROM messages WHERE media_id = :id)")
    int deleteUnsent(@Bind("id") long id);

    @SqlQuery("SELECT id FROM wa_media WHERE state = 'PENDING' AND next_attempt_at <= :now "
        + "ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<Long> lockDue(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate("UPDATE wa_media SET next_attempt_at = :until, attempts = attempts + 1 "
        + "WHERE id IN (<ids>)")
    void lease(@BindList("ids") List<Long> ids, @Bind("until") Instant until);

    @SqlQuery("SELECT " + COLUMNS + " FROM wa_media WHERE id IN (<ids>) ORDER BY id")
    List<MediaRow> rows(@BindList("ids") List<Long> ids);

    /** Claims up to {@code limit} pending downloads until {@code until}. */
    @Transaction(TransactionIsolationLevel.READ_COMMITTED)
    default List<MediaRow> claim(Instant now, Instant until, int limit) {
        List<Long> ids = lockDue(now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        lease(ids, until);
        return rows(ids);
    }

    @SqlUpdate("UPDATE wa_media SET state = 'STORED', storage_path = :path, file_size = :size, "
        + "sha256 = :sha256, mime_type = :mimeType, error = NULL, updated_at = :now WHERE id = :id")
    int stored(@Bind("id") long id, @Bind("path") String path, @Bind("size") long size,
               @Bind("sha256") String sha256, @Bind("mimeType") String mimeType,
               @Bind("now") Instant now);

    @SqlUpdate("UPDATE wa_media SET next_attempt_at = :at, error = :error, updated_at = :now "
        + "WHERE id = :id")
    int retryAt(@Bind("id") long id, @Bind("at") Instant at, @Bind("error") String error,
                @Bind("now") Instant now);

    @SqlUpdate("UPDATE wa_media SET state = 'FAILED', error = :error, updated_at = :now "
        + "WHERE id = :id")
    int fail(@Bind("id") long id, @Bind("error") String error, @Bind("now") Instant now);

    @SqlUpdate("UPDATE wa_media SET wa_media_id = :waMediaId, updated_at = :now WHERE id = :id")
    int setWaMediaId(@Bind("id") long id, @Bind("waMediaId") String waMediaId,
                     @Bind("now") Instant now);
}
