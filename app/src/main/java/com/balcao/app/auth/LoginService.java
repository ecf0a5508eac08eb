package com.balcao.app.auth;

import com.balcao.app.users.User;
import com.balcao.app.users.UserDao;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks credentials with lockout: every attempt is recorded (time, address, browser), and an
 * account or address with too many recent failures is refused before its password is checked.
 */
public final class LoginService {
    private final UserDao users;
    private final LoginAttemptDao attempts;
    private final PasswordHasher hasher;
    private final Lockout lockout;
    private final TwoFactor twoFactor;
    private final Clock clock;

    public LoginService(UserDao users, LoginAttemptDao attempts, PasswordHasher hasher,
                        Lockout lockout, TwoFactor twoFactor, Clock clock) {
        this.users = users;
        this.attempts = attempts;
        this.hasher = hasher;
        this.lockout = lockout;
        this.twoFactor = twoFactor;
        this.clock = clock;
    }

    /** How a password check ended. */
    public sealed interface Result {
    }

    /** Password right; {@code user} may still owe a second factor or a new password. */
    public record Accepted(User user) implements Result {
    }

    public record Rejected() implements Result {
    }

    public record Locked(Instant until) implements Result {
    }

    public static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public Result checkPassword(String rawEmail, String password, Client client, String channel) {
        String email = normalise(rawEmail);
        Optional<Instant> locked = lockout.lockedUntil(email, client.ip());
        if (locked.isPresent()) {
            record(email, null, client, channel, "LOCKED");
            return new Locked(locked.get());
        }
        Optional<User> user = users.findByEmail(email).filter(User::active);
        String hash = user.map(User::passwordHash).orElse(null);
        if (!hasher.verify(password, hash)) {
            record(email, user.map(User::id).orElse(null), client, channel, "FAILED");
            return lockout.lockedUntil(email, client.ip())
                .<Result>map(Locked::new).orElseGet(Rejected::new);
        }
        User found = user.orElseThrow();
        if (!found.totpEnabled()) {
            succeed(found, client, channel);
        }
        return new Accepted(found);
    }

    /** The second step for accounts with 2FA; a wrong code counts as a failed attempt. */
    public Result checkSecondFactor(User user, String code, Client client, String channel) {
        Optional<Instant> locked = lockout.lockedUntil(user.email(), client.ip());
        if (locked.isPresent()) {
            record(user.email(), user.id(), client, channel, "LOCKED");
            return new Locked(locked.get());
        }
        if (!twoFactor.verify(user, code)) {
            record(user.email(), user.id(), client, channel, "FAILED");
            return lockout.lockedUntil(user.email(), client.ip())
                .<Result>map(Locked::new).orElseGet(Rejected::new);
        }
        succeed(user, client, channel);
        return new Accepted(user);
    }

    private void succeed(User user, Client client, String channel) {
        record(user.email(), user.id(), client, channel, "SUCCESS");
        users.markLogin(user.id(), clock.instant());
    }

    private void record(String email, Long userId, Client client, String channel, String outcome) {
        String stored = email.length() > 254 ? email.substring(0, 254) : email;
        attempts.record(stored, userId, client.ip(), client.userAgent(), channel, outcome,
            clock.instant());
    }
}
