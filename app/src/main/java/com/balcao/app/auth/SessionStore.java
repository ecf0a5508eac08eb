package com.balcao.app.auth;

import com.balcao.app.config.Redis;
import com.balcao.app.config.SecurityConfig;
import com.balcao.app.web.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.RedisClient;

/**
 * Server-side sessions in Redis. The key holds a hash of the session id, so a copy of Redis
 * does not hand out live sessions; a per-user set lets us end all of someone's sessions.
 * Idle expiry is the key's TTL, refreshed on use; the absolute lifetime is checked on read.
 */
public final class SessionStore {
    private final Redis redis;
    private final Duration idle;
    private final Duration absolute;
    private final Clock clock;

    public SessionStore(Redis redis, SecurityConfig security, Clock clock) {
        this.redis = redis;
        this.idle = Duration.ofMinutes(security.sessionIdleMinutes);
        this.absolute = Duration.ofHours(security.sessionAbsoluteHours);
        this.clock = clock;
    }

    public Session create(long userId, Session.Stage stage) {
        Session session = new Session(Tokens.random(32), userId, Tokens.random(32), stage,
            clock.instant());
        String key = key(session.id());
        RedisClient client = redis.client();
        client.hset(key, Map.of(
            "userId", Long.toString(userId),
            "csrf", session.csrf(),
            "stage", stage.name(),
            "createdAt", Long.toString(session.createdAt().toEpochMilli())));
        client.expire(key, idle.toSeconds());
        String userKey = userKey(userId);
        client.sadd(userKey, Tokens.sha256(session.id()));
        client.expire(userKey, absolute.toSeconds());
        return session;
    }

    /** The live session for a cookie value, its idle timer restarted; empty when gone. */
    public Optional<Session> find(String id) {
        Optional<Session> session = peek(id);
        session.ifPresent(found -> redis.client().expire(key(id), idle.toSeconds()));
        return session;
    }

    /** The live session for a cookie value, without counting as activity (stream checks). */
    public Optional<Session> peek(String id) {
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        String key = key(id);
        Map<String, String> fields = redis.client().hgetAll(key);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Instant createdAt = Instant.ofEpochMilli(Long.parseLong(fields.get("createdAt")));
        if (createdAt.plus(absolute).isBefore(clock.instant())) {
            destroy(id);
            return Optional.empty();
        }
        return Optional.of(new Session(id, Long.parseLong(fields.get("userId")),
            fields.get("csrf"), Session.Stage.valueOf(fields.get("stage")), createdAt));
    }

    public void destroy(String id) {
        String key = key(id);
        String userId = redis.client().hget(key, "userId");
        redis.client().del(key);
        if (userId != null) {
            redis.client().srem(userKey(Long.parseLong(userId)), Tokens.sha256(id));
        }
    }

    /** Ends every session of a person: on deactivation, password change or forced reset. */
    public void destroyAllFor(long userId) {
        String userKey = userKey(userId);
        for (String hashed : redis.client().smembers(userKey)) {
            redis.client().del(redis.key("session:" + hashed));
        }
        redis.client().del(userKey);
    }

    /** The flash box of a session, for its pages. */
    public Page.Flash flashOf(String id) {
        return new Page.Flash() {
            @Override
            public void put(String message) {
                flash(id, message);
            }

            @Override
            public Optional<String> take() {
                return takeFlash(id);
            }
        };
    }

    /** Leaves a one-shot message to show on the next page of this session. */
    public void flash(String id, String message) {
        String key = key(id);
        if (redis.client().exists(key)) {
            redis.client().hset(key, "flash", message);
        }
    }

    public Optional<String> takeFlash(String id) {
        String key = key(id);
        String message = redis.client().hget(key, "flash");
        if (message != null) {
            redis.client().hdel(key, "flash");
        }
        return Optional.ofNullable(message);
    }

    private String key(String id) {
        return redis.key("session:" + Tokens.sha256(id));
    }

    private String userKey(long userId) {
        return redis.key("user-sessions:" + userId);
    }
}
