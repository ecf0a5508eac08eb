package com.balcao.app.auth;

import com.balcao.app.config.SecurityConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an account or an address is locked: enough failures within the window lock
 * it for the same length of time, counted from the last of those failures.
 * Attempts refused while locked are recorded as LOCKED and do not extend the lock.
 */
public final class Lockout {
    private final LoginAttemptDao attempts;
    private final int max;
    private final int maxPerIp;
    private final Duration window;
    private final Clock clock;

    public Lockout(LoginAttemptDao attempts, SecurityConfig security, Clock clock) {
        this.attempts = attempts;
        this.max = security.lockoutMaxFailures;
        this.maxPerIp = security.lockoutMaxFailuresPerIp;
        this.window = Duration.ofMinutes(security.lockoutWindowMinutes);
        this.clock = clock;
    }

    /** When the lock on this e-mail or address ends, if one is in force now. */
    public Optional<Instant> lockedUntil(String email, String ip) {
        Instant now = clock.instant();
        Instant horizon = now.minus(window.multipliedBy(2));
        Instant sinceSuccess = attempts.lastSuccess(email).filter(horizon::isBefore).orElse(horizon);
        Optional<Instant> byEmail = until(attempts.recentFailuresForEmail(email, sinceSuccess, max),
            max);
        Optional<Instant> byIp = until(attempts.recentFailuresForIp(ip, horizon, maxPerIp),
            maxPerIp);
        return byEmail.or(() -> byIp)
            .map(until -> byIp.filter(until::isBefore).orElse(until))
            .filter(now::isBefore);
    }

    public Duration window() {
        return window;
    }

    private Optional<Instant> until(List<Instant> newestFirst, int limit) {
        if (newestFirst.size() < limit) {
            return Optional.empty();
        }
        Instant newest = newestFirst.get(0);
        Instant oldest = newestFirst.get(newestFirst.size() - 1);
        if (Duration.between(oldest, newest).compareTo(window) > 0) {
            return Optional.empty();
        }
        return Optional.of(newest.plus(window));
    }
}
