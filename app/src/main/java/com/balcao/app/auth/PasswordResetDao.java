package com.balcao.app.auth;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Password reset requests; codes are stored as SHA-256 hashes. */
@RegisterRecordMapper(PasswordReset.class)
public interface PasswordResetDao {
    String SELECT = "SELECT r.id, r.user_id, u.name AS user_name, u.email AS user_email, r.status, "
        + "r.requested_ip, r.requested_user_agent, r.created_at, r.decided_at, r.expires_at "
        + "FROM password_resets r JOIN users u ON u.id = r.user_id ";

    @SqlUpdate("INSERT INTO password_resets (user_id, status, requested_ip, requested_user_agent, "
        + "created_at) VALUES (:userId, 'PENDING', :ip, :userAgent, :now)")
    @GetGeneratedKeys
    long request(@Bind("userId") long userId, @Bind("ip") String ip,
                 @Bind("userAgent") String userAgent, @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO password_resets (user_id, status, code_hash, decided_by, created_at, "
        + "decided_at, expires_at) VALUES (:userId, 'APPROVED', :codeHash, :adminId, :now, :now, "
        + ":expiresAt)")
    @GetGeneratedKeys
    long forced(@Bind("userId") long userId, @Bind("codeHash") String codeHash,
                @Bind("adminId") long adminId, @Bind("now") Instant now,
                @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("SELECT COUNT(*) FROM password_resets WHERE user_id = :userId AND status = 'PENDING'")
    int pendingCount(@Bind("userId") long userId);

    @SqlQuery(SELECT + "WHERE r.id = :id")
    Optional<PasswordReset> find(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE r.status = 'PENDING' ORDER BY r.created_at, r.id LIMIT 200")
    List<PasswordReset> pending();

    @SqlQuery(SELECT + "WHERE r.status <> 'PENDING' ORDER BY r.id DESC LIMIT :limit")
    List<PasswordReset> recentDecided(@Bind("limit") int limit);

    /** Approves a pending request, invalidating any earlier approved code of the same person. */
    @SqlUpdate("UPDATE password_resets SET status = 'APPROVED', code_hash = :codeHash, "
        + "decided_by = :adminId, decided_at = :now, expires_at = :expiresAt "
        + "WHERE id = :id AND status = 'PENDING'")
    int approve(@Bind("id") long id, @Bind("codeHash") String codeHash,
                @Bind("adminId") long adminId, @Bind("now") Instant now,
                @Bind("expiresAt") Instant expiresAt);

    @SqlUpdate("UPDATE password_resets SET status = 'REJECTED', decided_by = :adminId, "
        + "decided_at = :now WHERE id = :id AND status = 'PENDING'")
    int reject(@Bind("id") long id, @Bind("adminId") long adminId, @Bind("now") Instant now);

    @SqlUpdate("UPDATE password_resets SET status = 'REJECTED', decided_at = :now "
        + "WHERE user_id = :userId AND status IN ('PENDING', 'APPROVED') AND id <> :keepId")
    void supersede(@Bind("userId") long userId, @Bind("keepId") long keepId,
                   @Bind("now") Instant now);

    /** Uses an approved, unexpired code once: 1 when it matched. */
    @SqlUpdate("UPDATE password_resets SET status = 'USED', used_at = :now WHERE user_id = :userId "
        + "AND status = 'APPROVED' AND code_hash = :codeHash AND expires_at > :now")
    int use(@Bind("userId") long userId, @Bind("codeHash") String codeHash,
            @Bind("now") Instant now);
}
