package com.balcao.app.auth;

import com.balcao.app.web.AppException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** Sign-in refused because the account or address is locked until {@link #until}. */
final class LockedException extends AppException {
    private final Instant until;

    LockedException(Instant until) {
        super(Response.Status.TOO_MANY_REQUESTS, "account_locked", "api_account_locked");
        this.until = until;
    }

    @Override
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.of(Math.max(1, Duration.between(Instant.now(), until).toSeconds()));
    }
}
