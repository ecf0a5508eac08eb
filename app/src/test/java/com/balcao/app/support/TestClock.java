package com.balcao.app.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's clock in tests: real time moved by an offset the test sets, so everything keeps
 * ticking (sessions, leases, sweeps) while a test jumps to tomorrow.
 */
public final class TestClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves the app's time forward (or back, for a negative amount). */
    public void advance(Duration amount) {
        offset.updateAndGet(current -> current.plus(amount));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The app's clock stays in UTC");
    }
}
