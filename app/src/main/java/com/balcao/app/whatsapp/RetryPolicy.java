package com.balcao.app.whatsapp;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What to do after a failed send, decided by Meta's error code (never by the HTTP status
 * alone), as in CLOUD-API.md §7: back off and retry, slow the whole number down, wait for the
 * one recipient, or give up with a reason.
 */
final class RetryPolicy {
    /** The sender's reaction to one failure. */
    enum Action { RETRY, THROTTLE, PAIR_LIMIT, SPAM_PAUSE, PERMANENT }

    private static final Set<Integer> THROTTLED = Set.of(4, 80007, 130429);
    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 131000, 131016, 131057, 133004);

    private RetryPolicy() {
    }

    /** {@code code} null means no Graph error object: a network failure or a bare HTTP error. */
    static Action classify(Integer code, int httpStatus) {
        if (code == null) {
            if (httpStatus == 429) {
                return Action.THROTTLE;
            }
            return httpStatus == 0 || httpStatus >= 500 ? Action.RETRY : Action.PERMANENT;
        }
        if (THROTTLED.contains(code)) {
            return Action.THROTTLE;
        }
        if (code == 131056) {
            return Action.PAIR_LIMIT;
        }
        if (code == 131048) {
            return Action.SPAM_PAUSE;
        }
        return TRANSIENT.contains(code) ? Action.RETRY : Action.PERMANENT;
    }

    /** Exponential backoff with full jitter, at least one second, capped. */
    static Duration backoff(int attempts, int maxSeconds) {
        long ceiling = Math.min(maxSeconds, 1L << Math.min(Math.max(attempts, 0), 20));
        long millis = ThreadLocalRandom.current().nextLong(500, Math.max(ceiling * 1000, 501));
        return Duration.ofMillis(Math.max(1000, millis));
    }

    /** Meta's advice for 131056: wait 4^X seconds before writing to that person again. */
    static Duration pairBackoff(int attempts, int maxSeconds) {
        long seconds = (long) Math.pow(4, Math.min(Math.max(attempts, 0), 6));
        return Duration.ofSeconds(Math.min(maxSeconds, seconds));
    }
}
