package com.balcao.app.auth;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** One-time recovery codes for two-factor sign-in, stored as SHA-256 hashes. */
public interface RecoveryCodeDao {

    @SqlUpdate("DELETE FROM recovery_codes WHERE user_id = :userId")
    void deleteAll(@Bind("userId") long userId);

    @SqlBatch("INSERT INTO recovery_codes (user_id, code_hash, created_at) "
        + "VALUES (:userId, :hash, :now)")
    void insert(@Bind("userId") long userId, @Bind("hash") List<String> hashes,
                @Bind("now") Instant now);

    /** Replaces all of someone's codes. */
    @Transaction
    default void replace(long userId, List<String> hashes, Instant now) {
        deleteAll(userId);
        insert(userId, hashes, now);
    }

    /** Uses a code once: 1 when it was valid and unused, 0 otherwise. */
    @SqlUpdate("UPDATE recovery_codes SET used_at = :now WHERE user_id = :userId "
        + "AND code_hash = :hash AND used_at IS NULL")
    int use(@Bind("userId") long userId, @Bind("hash") String hash, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM recovery_codes WHERE user_id = :userId AND used_at IS NULL")
    int remaining(@Bind("userId") long userId);
}
