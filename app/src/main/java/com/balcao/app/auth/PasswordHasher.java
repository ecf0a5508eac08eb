package com.balcao.app.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt hashing of staff passwords. */
public final class PasswordHasher {
    public static final int MIN_LENGTH = 8;
    private static final int MAX_BYTES = 72;
    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = hash("timing-equaliser-for-unknown-accounts");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** Whether the password matches; an unknown account still costs one bcrypt round. */
    public boolean verify(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        String target = hash == null ? dummyHash : hash;
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(), target).verified;
        return ok && hash != null;
    }

    /** Whether a new password is acceptable: long enough and within bcrypt's 72 bytes. */
    public static boolean acceptable(String password) {
        return password != null && password.length() >= MIN_LENGTH
            && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
