package com.balcao.app.users;

import com.balcao.app.auth.Role;
import java.time.Instant;

/** A staff member as stored. The password hash and TOTP secret never leave the server. */
public record User(long id, String email, String name, String passwordHash, Role role,
                   boolean active, String locale, int maxConcurrent, String avatarFile,
                   String totpSecret, boolean totpEnabled, boolean mustChangePassword,
                   Instant lastLoginAt, Instant createdAt) {
}
