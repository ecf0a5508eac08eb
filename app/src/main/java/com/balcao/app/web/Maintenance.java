package com.balcao.app.web;

import com.balcao.app.config.Redis;
import java.time.Duration;

/**
 * The tenant-wide "restoring" switch, in Redis so every replica sees it: while on, the WhatsApp
 * webhook answers 503 (Meta retries later) and the workers stop taking work. It expires by
 * itself, so a crash in the middle never leaves the tenant deaf for good.
 */
public final class Maintenance {
    private static final String KEY = "maintenance";
    /** How stale {@link #active} may be; whoever begins waits longer than this before work. */
    public static final Duration CACHE = Duration.ofMillis(250);
    private final Redis redis;
    private volatile long checkedAt;
    private volatile boolean cached;

    public Maintenance(Redis redis) {
        this.redis = redis;
    }

    /** Turns it on for at most {@code ttl} (renew by calling again). */
    public void begin(String reason, Duration ttl) {
        redis.client().setex(redis.key(KEY), Math.max(1, ttl.toSeconds()), reason);
        cached = true;
    }

    public void end() {
        redis.client().del(redis.key(KEY));
        cached = false;
    }

    /** Whether it is on; a Redis failure counts as off, so processing never stops on it. */
    public boolean active() {
        long now = System.nanoTime();
        if (now - checkedAt < CACHE.toNanos()) {
            return cached;
        }
        try {
            cached = redis.client().exists(redis.key(KEY));
        } catch (RuntimeException e) {
            cached = false;
        }
        checkedAt = now;
        return cached;
    }
}
