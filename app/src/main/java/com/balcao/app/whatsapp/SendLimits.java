package com.balcao.app.whatsapp;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Meta's limits, kept on our side so we rarely hit them: a token bucket per number (its
 * messages per second, shared by every replica through Redis) and a bucket per recipient (the
 * pair limit). The number's bucket holds a tenth of a second's worth, so a burst can never
 * outrun Meta's own bucket. A 130429 pauses the number for a while on top of that, for every
 * replica (the pause is a Redis key that expires with it).
 */
final class SendLimits {
    private final ProxyManager<byte[]> buckets;
    private final String prefix;
    private final int pairBurst;
    private final Duration pairInterval;
    private final Clock clock;
    private final RedisClient redis;

    SendLimits(ProxyManager<byte[]> buckets, RedisClient redis, String prefix, int pairBurst,
               Duration pairInterval, Clock clock) {
        this.redis = redis;
        this.buckets = buckets;
        this.prefix = prefix;
        this.pairBurst = pairBurst;
        this.pairInterval = pairInterval;
        this.clock = clock;
    }

    /**
     * Blocks until the number may send one more message. The token is reserved in one round
     * trip and the wait happens here, so busy senders do not race each other for refills.
     */
    void awaitNumber(BusinessNumber number) throws InterruptedException {
        String paused = redis.get(pauseKey(number));
        Instant now = clock.instant();
        if (paused != null) {
            Instant until = Instant.ofEpochMilli(Long.parseLong(paused));
            if (until.isAfter(now)) {
                Thread.sleep(Math.max(1, Duration.between(now, until).toMillis()));
            }
        }
        numberBucket(number).asBlocking().consume(1);
    }

    /** Empty when the recipient may get a message now; else how long to wait. */
    Optional<Duration> pairWait(BusinessNumber number, String recipient) {
        byte[] key = key("wa:pair:" + number.id() + ":" + recipient);
        ConsumptionProbe probe = buckets.getProxy(key, this::pairConfiguration)
            .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
            : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Holds every send of the number back for {@code pause} (after a 130429). */
    void pause(BusinessNumber number, Duration pause) {
        Instant until = clock.instant().plus(pause);
        String key = pauseKey(number);
        String current = redis.get(key);
        if (current == null || Long.parseLong(current) < until.toEpochMilli()) {
            redis.set(key, Long.toString(until.toEpochMilli()),
                SetParams.setParams().px(Math.max(1, pause.toMillis())));
        }
    }

    private String pauseKey(BusinessNumber number) {
        return prefix + "wa:paused:" + number.id();
    }

    private Bucket numberBucket(BusinessNumber number) {
        int mps = Math.max(1, number.mps());
        int burst = Math.max(1, mps / 10);
        Duration period = Duration.ofNanos(TimeUnit.SECONDS.toNanos(1) * burst / mps);
        BucketConfiguration configuration = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(burst).refillGreedy(burst, period)).build();
        return buckets.getProxy(key("wa:mps:" + number.id() + ":" + mps), () -> configuration);
    }

    private BucketConfiguration pairConfiguration() {
        return BucketConfiguration.builder().addLimit(limit -> limit.capacity(pairBurst)
            .refillGreedy(1, pairInterval)).build();
    }

    private byte[] key(String name) {
        return (prefix + name).getBytes(StandardCharsets.UTF_8);
    }
}
