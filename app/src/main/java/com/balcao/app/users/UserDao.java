package com.balcao.app.users;

import com.balcao.app.auth.Role;
import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Staff members and the departments they belong to. */
@RegisterRecordMapper(User.class)
public interface UserDao {
    String COLUMNS = "id, email, name, password_hash, role, active, locale, max_concurrent, "
        + "avatar_file, totp_secret, totp_enabled, must_change_password, last_login_at, created_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
    Optional<User> findById(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE email = :email")
    Optional<User> findByEmail(@Bind("email") String email);

    @SqlQuery("SELECT " + COLUMNS + " FROM users ORDER BY active DESC, name, id "
        + "LIMIT :limit OFFSET :offset")
    List<User> list(@Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) FROM users")
    int count();

    @SqlQuery("SELECT COUNT(*) FROM users WHERE role = 'ADMIN' AND active")
    int countActiveAdmins();

    @SqlUpdate("INSERT INTO users (email, name, password_hash, role, active, locale, "
        + "max_concurrent, must_change_password, password_changed_at, created_at, updated_at) "
        + "VALUES (:email, :name, :passwordHash, :role, TRUE, :locale, :maxConcurrent, "
        + ":mustChange, :now, :now, :now)")
    @GetGeneratedKeys
    long insert(@Bind("email") String email, @Bind("name") String name,
                @Bind("passwordHash") String passwordHash, @Bind("role") Role role,
                @Bind("locale") String locale, @Bind("maxConcurrent") int maxConcurrent,
                @Bind("mustChange") boolean mustChangePassword, @Bind("now") Instant now);

    @SqlUpdate("UPDATE users SET name = :name, email = :email, role = :role, "
        + "max_concurrent = :maxConcurrent, updated_at = :now WHERE id = :id")
    int updateProfile(@Bind("id") long id, @Bind("name") String name, @Bind("email") String email,
                      @Bind("role") Role role, @Bind("maxConcurrent") int maxConcurrent,
                      @Bind("now") Instant now);

    @SqlUpdate("UPDATE users SET name = :name, locale = :locale, updated_at = :now WHERE id = :id")
    int updateOwnProfile(@Bind("id") long id, @Bind("name") String name,
                         @Bind("locale") String locale, @Bind("now") Instant now);

    @SqlUpdate("UPDATE users SET active = :active, updated_at = :now WHERE id = :id")
    int setActive(@Bind("id") long id, @Bind("active") boolean active, @Bind("now") Instant now);

    @SqlUpdate("UPDATE users SET password_hash = :hash, must_change_password = :mustChange, "
        + "password_changed_at = :now, updated_at = :now WHERE id = :id")
    int setPassword(@Bind("id") long id, @Bind("hash") String hash,
                    @Bind("mustChange") boolean mustChange, @Bind("now") Instant now);

    @SqlUpdate("UPDATE users SET avatar_file = :file, updated_at = :now WHERE id = :id")
    int setAvatar(@Bind("id") long id, @Bind("file") String file, @Bind("now") Instant now);

    @SqlUpdate("UPDATE users SET totp_secret = :secret, totp_enabled = :enabled, "
        + "updated_at = :now WHERE id = :id")
    int setTotp(@Bind("id") long id, @Bind("secret") String secret,
                @Bind("enabled") boolean enabled, @Bind("now") Instant now);

    @SqlUpdate("UPDATE users SET last_login_at = :now WHERE id = :id")
    int markLogin(@Bind("id") long id, @Bind("now") Instant now);

    @SqlQuery("SELECT department_id FROM user_departments WHERE user_id = :userId")
    Set<Long> departmentIds(@Bind("userId") long userId);

    @SqlQuery("SELECT user_id, department_id FROM user_departments WHERE user_id IN (<ids>)")
    @RegisterRecordMapper(Membership.class)
    List<Membership> memberships(@BindList("ids") List<Long> userIds);

    @SqlUpdate("DELETE FROM user_departments WHERE user_id = :userId")
    void clearDepartments(@Bind("userId") long userId);

    @SqlBatch("INSERT INTO user_departments (user_id, department_id) VALUES (:userId, :departmentId)")
    void addDepartments(@Bind("userId") long userId, @Bind("departmentId") List<Long> departmentIds);

    /** Replaces someone's departments in one transaction. */
    @Transaction
    default void replaceDepartments(long userId, List<Long> departmentIds) {
        clearDepartments(userId);
        if (!departmentIds.isEmpty()) {
            addDepartments(userId, departmentIds);
        }
    }

    /** One row of the user-to-department relation. */
    record Membership(long userId, long departmentId) {
    }
}
