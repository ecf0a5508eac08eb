package com.balcao.app.auth;

import java.time.Instant;

/** One recorded login attempt: who, from where, through which door, and how it ended. */
public record LoginAttempt(long id, String email, Long userId, String ip, String userAgent,
                           String channel, String outcome, Instant createdAt) {
}
