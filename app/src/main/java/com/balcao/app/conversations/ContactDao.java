package com.balcao.app.conversations;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Contacts, keyed on wa_id, or on the business-scoped user id when there is no wa_id. */
public interface ContactDao {

    /**
     * Creates the contact or refreshes its profile, and returns its id in the same round trip:
     * the new row's, or the existing one's ({@code LAST_INSERT_ID(id)} in the update, which
     * MySQL needs and MariaDB does anyway; the wa_id key is checked before the user id's). The
     * driver may list a second, made-up key after an update: only the first counts. Null when
     * the driver names none. The keys never change once set, nor a name staff corrected.
     */
    @SqlUpdate("INSERT INTO contacts (public_id, wa_id, user_id, parent_user_id, name, username, "
        + "phone, created_at, updated_at) VALUES (:publicId, :waId, :userId, :parentUserId, "
        + ":name, :username, :phone, :now, :now) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), "
        + "name = IF(name_locked = 1, name, COALESCE(VALUES(name), name)), "
        + "username = COALESCE(VALUES(username), username), "
        + "user_id = COALESCE(user_id, VALUES(user_id)), "
        + "parent_user_id = COALESCE(VALUES(parent_user_id), parent_user_id), "
        + "updated_at = VALUES(updated_at)")
    @GetGeneratedKeys("id")
    Long upsert(@Bind("publicId") String publicId, @Bind("waId") String waId,
                @Bind("userId") String userId, @Bind("parentUserId") String parentUserId,
                @Bind("name") String name, @Bind("username") String username,
                @Bind("phone") String phone, @Bind("now") Instant now);

    @SqlQuery("SELECT id FROM contacts WHERE wa_id = :waId")
    Optional<Long> idByWaId(@Bind("waId") String waId);

    @SqlQuery("SELECT id FROM contacts WHERE user_id = :userId")
    Optional<Long> idByUserId(@Bind("userId") String userId);

    /** What the contact panel shows and staff edit; custom fields are a JSON object. */
    record Details(long id, String name, String waId, String phone, String email,
                   String customFields) {
    }

    @SqlQuery("SELECT id, name, wa_id, phone, email, custom_fields FROM contacts WHERE id = :id")
    @RegisterRecordMapper(Details.class)
    Optional<Details> details(@Bind("id") long id);

    /** Staff's correction; locking the name keeps WhatsApp's profile name from replacing it. */
    @SqlUpdate("UPDATE contacts SET name = :name, email = :email, custom_fields = :customFields, "
        + "name_locked = 1, updated_at = :now WHERE id = :id")
    int updateDetails(@Bind("id") long id, @Bind("name") String name,
                      @Bind("email") String email, @Bind("customFields") String customFields,
                      @Bind("now") Instant now);
}
