package com.balcao.app.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.JWTVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Short-lived JWT access tokens (HS256) for the REST API. */
public final class AccessTokens {
    private static final String ISSUER = "balcao";
    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(String secret, Duration lifetime, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.verifier = JWT.require(algorithm).withIssuer(ISSUER).acceptLeeway(5).build();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public String issue(long userId) {
        Instant now = clock.instant();
        return JWT.create().withIssuer(ISSUER).withSubject(Long.toString(userId))
            .withIssuedAt(now).withExpiresAt(now.plus(lifetime))
            .withJWTId(Tokens.random(12)).sign(algorithm);
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** The user id of a valid, unexpired token. */
    public Optional<Long> verify(String token) {
        try {
            return Optional.of(Long.parseLong(verifier.verify(token).getSubject()));
        } catch (JWTVerificationException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
