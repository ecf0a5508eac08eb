package com.balcao.app.whatsapp;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The tenant's WhatsApp business numbers. */
@RegisterRecordMapper(NumberRow.class)
interface NumberDao {
    String COLUMNS = "id, phone_number_id, display_phone_number, label, waba_id, "
        + "default_department_id, mps, graph_base_url, access_token_enc, access_token_hint, "
        + "app_secret_enc, app_secret_hint, verify_token_enc, verify_token_hint, active, "
        + "created_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM wa_numbers ORDER BY active DESC, label, id")
    List<NumberRow> all();

    @SqlQuery("SELECT " + COLUMNS + " FROM wa_numbers WHERE id = :id")
    Optional<NumberRow> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM wa_numbers WHERE phone_number_id = :phoneNumberId")
    Optional<NumberRow> findByPhoneNumberId(@Bind("phoneNumberId") String phoneNumberId);

    @SqlUpdate("INSERT INTO wa_numbers (phone_number_id, display_phone_number, label, waba_id, "
        + "default_department_id, mps, graph_base_url, active, created_at, updated_at) VALUES "
        + "(:phoneNumberId, :display, :label, :wabaId, :departmentId, :mps, :baseUrl, TRUE, "
        + ":now, :now)")
    @GetGeneratedKeys
    long insert(@Bind("phoneNumberId") String phoneNumberId, @Bind("display") String display,
                @Bind("label") String label, @Bind("wabaId") String wabaId,
                @Bind("departmentId") Long departmentId, @Bind("mps") int mps,
                @Bind("baseUrl") String graphBaseUrl, @Bind("now") Instant now);

    @SqlUpdate("UPDATE wa_numbers SET phone_number_id = :phoneNumberId, "
        + "display_phone_number = :display, label = :label, waba_id = :wabaId, "
        + "default_department_id = :departmentId, mps = :mps, graph_base_url = :baseUrl, "
        + "updated_at = :now WHERE id = :id")
    int update(@Bind("id") long id, @Bind("phoneNumberId") String phoneNumberId,
               @Bind("display") String display, @Bind("label") String label,
               @Bind("wabaId") String wabaId, @Bind("departmentId") Long departmentId,
               @Bind("mps") int mps, @Bind("baseUrl") String graphBaseUrl,
               @Bind("now") Instant now);

    /** Stores one encrypted credential; {@code column} is one of the three fixed names. */
    @SqlUpdate("UPDATE wa_numbers SET <column>_enc = :value, <column>_hint = :hint, "
        + "updated_at = :now WHERE id = :id")
    int setCredential(@Bind("id") long id, @Define("column") String column,
                      @Bind("value") String encrypted, @Bind("hint") String hint,
                      @Bind("now") Instant now);

    @SqlUpdate("UPDATE wa_numbers SET active = :active, updated_at = :now WHERE id = :id")
    int setActive(@Bind("id") long id, @Bind("active") boolean active, @Bind("now") Instant now);
}
