package com.balcao.app.auth;

import java.time.Instant;

/** A request to reset someone's password, and the admin's decision on it. */
public record PasswordReset(long id, long userId, String userName, String userEmail,
                            String status, String requestedIp, String requestedUserAgent,
                            Instant createdAt, Instant decidedAt, Instant expiresAt) {
    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String USED = "USED";
}
