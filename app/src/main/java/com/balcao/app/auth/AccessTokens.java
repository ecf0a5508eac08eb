package com.balcao.app.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Short-lived JWT access tokens (HS256) for the REST API. */
public final class AccessTokens {
    private static final String ISSUER = "balcao";
    private static final String VERSION = "ver";
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

    /** The person a valid token names, and the token version it was issued under. */
    public record Verified(long userId, int version) {
    }

    public String issue(long userId, int version) {
        Instant now = clock.instant();
        return JWT.create().withIssuer(ISSUER).withSubject(Long.toString(userId))
            .withClaim(VERSION, version)
            .withIssuedAt(now).withExpiresAt(now.plus(lifetime))
            .withJWTId(Tokens.random(12)).sign(algorithm);
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Who a valid, unexpired token belongs to; the caller checks the version is current. */
    public Optional<Verified> verify(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            Integer version = jwt.getClaim(VERSION).asInt();
            return Optional.of(new Verified(Long.parseLong(jwt.getSubject()),
                version == null ? 0 : version));
        } catch (JWTVerificationException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
