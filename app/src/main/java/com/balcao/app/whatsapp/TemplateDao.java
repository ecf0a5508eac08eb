package com.balcao.app.whatsapp;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Message templates per WABA; (waba, name, language) identifies one. */
@RegisterRecordMapper(TemplateRow.class)
interface TemplateDao {
    String COLUMNS = "id, waba_id, meta_id, name, language, category, status, reason, "
        + "components, body_text, parameter_count, status_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM wa_templates ORDER BY name, language")
    List<TemplateRow> all();

    @SqlQuery("SELECT " + COLUMNS + " FROM wa_templates WHERE waba_id = :wabaId AND name = :name "
        + "AND language = :language")
    Optional<TemplateRow> find(@Bind("wabaId") String wabaId, @Bind("name") String name,
                               @Bind("language") String language);

    @SqlQuery("SELECT " + COLUMNS + " FROM wa_templates WHERE waba_id = :wabaId "
        + "AND status = 'APPROVED' ORDER BY name, language")
    List<TemplateRow> approved(@Bind("wabaId") String wabaId);

    @SqlQuery("SELECT " + COLUMNS + " FROM wa_templates WHERE waba_id = :wabaId "
        + "AND meta_id = :metaId")
    Optional<TemplateRow> findByMetaId(@Bind("wabaId") String wabaId,
                                       @Bind("metaId") String metaId);

    /** Inserts or refreshes a template from a sync or a creation (not its status time). */
    @SqlUpdate("INSERT INTO wa_templates (waba_id, meta_id, name, language, category, status, "
        + "reason, components, body_text, parameter_count, status_at, created_at, updated_at) "
        + "VALUES (:wabaId, :metaId, :name, :language, :category, :status, :reason, "
        + ":components, :bodyText, :parameterCount, :statusAt, :now, :now) "
        + "ON DUPLICATE KEY UPDATE meta_id = COALESCE(VALUES(meta_id), meta_id), "
        + "category = VALUES(category), status = VALUES(status), "
        + "components = COALESCE(VALUES(components), components), "
        + "body_text = COALESCE(VALUES(body_text), body_text), "
        + "parameter_count = VALUES(parameter_count), updated_at = VALUES(updated_at)")
    int upsert(@Bind("wabaId") String wabaId, @Bind("metaId") String metaId,
               @Bind("name") String name, @Bind("language") String language,
               @Bind("category") String category, @Bind("status") String status,
               @Bind("reason") String reason, @Bind("components") String components,
               @Bind("bodyText") String bodyText, @Bind("parameterCount") int parameterCount,
               @Bind("statusAt") Instant statusAt, @Bind("now") Instant now);

    /** Applies a status event unless a later one was applied already. */
    @SqlUpdate("UPDATE wa_templates SET status = :status, reason = :reason, "
        + "category = COALESCE(:category, category), meta_id = COALESCE(meta_id, :metaId), "
        + "status_at = :at, updated_at = :now "
        + "WHERE id = :id AND (status_at IS NULL OR status_at <= :at)")
    int applyStatus(@Bind("id") long id, @Bind("status") String status,
                    @Bind("reason") String reason, @Bind("category") String category,
                    @Bind("metaId") String metaId, @Bind("at") Instant at,
                    @Bind("now") Instant now);
}
