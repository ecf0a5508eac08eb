package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.Redis;
import com.balcao.app.config.RedisConfig;
import com.balcao.app.support.TestApp;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The send limits of two replicas, against the real Redis they share. */
class SendLimitsTest {
    private final Redis redis = new Redis(config());

    @AfterEach
    void close() throws Exception {
        redis.stop();
    }

    private static RedisConfig config() {
        RedisConfig config = new RedisConfig();
        config.host = TestApp.redisHost();
        config.port = Integer.parseInt(TestApp.redisPort());
        config.keyPrefix = "test:send-limits:" + System.nanoTime() + ":";
        return config;
    }

    private SendLimits replica() {
        return new SendLimits(Bucket4jJedis.casBasedBuilder(redis.client()).build(),
            redis.client(), redis.key(""), 20, Duration.ofSeconds(6), Clock.systemUTC());
    }

    @Test
    void aPauseAfter130429HoldsBackTheOtherReplicasToo() throws Exception {
        BusinessNumber number = new BusinessNumber(7, "200000000000001", "1", "Loja", "w", null,
            1000, null, "token", "secret", null, true);
        SendLimits first = replica();
        SendLimits second = replica();

        first.pause(number, Duration.ofMillis(1500));
        long start = System.nanoTime();
        second.awaitNumber(number);

        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isGreaterThan(1200);
    }
}
