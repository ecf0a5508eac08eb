package com.balcao.app.health;

import com.balcao.app.config.Redis;
import com.codahale.metrics.health.HealthCheck;

/** Healthy when Redis answers PING. */
public final class RedisHealthCheck extends HealthCheck {
    private final Redis redis;

    public RedisHealthCheck(Redis redis) {
        this.redis = redis;
    }

    @Override
    protected Result check() {
        String answer = redis.client().ping();
        return "PONG".equals(answer) ? Result.healthy() : Result.unhealthy("PING answered " + answer);
    }
}
