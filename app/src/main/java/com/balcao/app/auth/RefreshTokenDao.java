package com.balcao.app.auth;

import com.balcao.app.config.RegisterRecordMapper;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** API refresh tokens, hashed, grouped in families that rotate together. */
@RegisterRecordMapper(RefreshTokenDao.Stored.class)
public interface RefreshTokenDao {

    /** What we know of a presented refresh token. */
    record Stored(long id, long userId, String familyId, Instant expiresAt, Instant rotatedAt,
                  Instant revokedAt) {
    }

    @SqlUpdate("INSERT INTO refresh_tokens (user_id, family_id, token_hash, created_at, expires_at) "
        + "VALUES (:userId, :familyId, :hash, :now, :expiresAt)")
    void insert(@Bind("userId") long userId, @Bind("familyId") String familyId,
                @Bind("hash") String hash, @Bind("now") Instant now,
                @Bind("expiresAt") Instant expiresAt);

    /** Locks the row so two refreshes of one token cannot both succeed. */
    @SqlQuery("SELECT id, user_id, family_id, expires_at, rotated_at, revoked_at "
        + "FROM refresh_tokens WHERE token_hash = :hash FOR UPDATE")
    Optional<Stored> findForUpdate(@Bind("hash") String hash);

    @SqlUpdate("UPDATE refresh_tokens SET rotated_at = :now WHERE id = :id")
    void markRotated(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :familyId "
        + "AND revoked_at IS NULL")
    void revokeFamily(@Bind("familyId") String familyId, @Bind("now") Instant now);

    @SqlUpdate("UPDATE refresh_tokens SET revoked_at = :now WHERE user_id = :userId "
        + "AND revoked_at IS NULL")
    void revokeAllOf(@Bind("userId") long userId, @Bind("now") Instant now);
}
