package com.balcao.app.auth;

import com.balcao.app.config.Deadlocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.jdbi.v3.core.Jdbi;

/**
 * Access and refresh tokens for the REST API. A refresh token works once: using it returns a
 * new pair; presenting an already-rotated token revokes its whole family (a stolen copy and
 * the real one can no longer both be used).
 */
public final class ApiTokens {
    private final Jdbi jdbi;
    private final AccessTokens accessTokens;
    private final Duration refreshLifetime;
    private final Clock clock;

    public ApiTokens(Jdbi jdbi, AccessTokens accessTokens, Duration refreshLifetime, Clock clock) {
        this.jdbi = jdbi;
        this.accessTokens = accessTokens;
        this.refreshLifetime = refreshLifetime;
        this.clock = clock;
    }

    /** What the client receives. */
    public record Pair(String accessToken, String refreshToken, long expiresIn) {
    }

    public Pair issue(long userId) {
        return newPair(jdbi.onDemand(RefreshTokenDao.class), userId, Tokens.random(32));
    }

    /** A new pair for a valid refresh token, or empty (and the family revoked on reuse). */
    public Optional<Pair> refresh(String refreshToken, LongPredicate stillActive) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Optional.empty();
        }
        return Deadlocks.retry(() -> jdbi.inTransaction(handle -> {
            RefreshTokenDao dao = handle.attach(RefreshTokenDao.class);
            Optional<RefreshTokenDao.Stored> found = dao.findForUpdate(Tokens.sha256(refreshToken));
            if (found.isEmpty()) {
                return Optional.<Pair>empty();
            }
            RefreshTokenDao.Stored stored = found.get();
            Instant now = clock.instant();
            if (stored.rotatedAt() != null || stored.revokedAt() != null) {
                dao.revokeFamily(stored.familyId(), now);
                return Optional.<Pair>empty();
            }
            if (stored.expiresAt().isBefore(now) || !stillActive.test(stored.userId())) {
                return Optional.<Pair>empty();
            }
            dao.markRotated(stored.id(), now);
            return Optional.of(newPair(dao, stored.userId(), stored.familyId()));
        }));
    }

    /** Ends the session a refresh token belongs to. */
    public void revoke(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return;
        }
        Deadlocks.retry(() -> jdbi.inTransaction(handle -> {
            RefreshTokenDao dao = handle.attach(RefreshTokenDao.class);
            dao.findForUpdate(Tokens.sha256(refreshToken))
                .ifPresent(stored -> dao.revokeFamily(stored.familyId(), clock.instant()));
            return null;
        }));
    }

    public void revokeAllOf(long userId) {
        jdbi.onDemand(RefreshTokenDao.class).revokeAllOf(userId, clock.instant());
    }

    private Pair newPair(RefreshTokenDao dao, long userId, String familyId) {
        String refresh = Tokens.random(32);
        Instant now = clock.instant();
        dao.insert(userId, familyId, Tokens.sha256(refresh), now, now.plus(refreshLifetime));
        int version = jdbi.onDemand(TokenVersionDao.class).find(userId).orElse(0);
        return new Pair(accessTokens.issue(userId, version), refresh,
            accessTokens.lifetime().toSeconds());
    }
}
