package com.balcao.app.auth;

import com.balcao.app.users.User;
import com.balcao.app.users.UserDao;
import com.balcao.app.web.AppException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Password reset with a human in the loop: a person asks, an admin checks who is asking and
 * approves, and the one-time code the admin hands over sets a new password. Admins can also
 * force a reset, which locks the old password out at once.
 */
public final class PasswordResets {
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final Duration VALIDITY = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordResetDao resets;
    private final UserDao users;
    private final PasswordHasher hasher;
    private final SignOut signOut;
    private final LoginAttemptDao attempts;
    private final Lockout lockout;
    private final Clock clock;

    public PasswordResets(PasswordResetDao resets, UserDao users, PasswordHasher hasher,
                          SignOut signOut, LoginAttemptDao attempts, Lockout lockout,
                          Clock clock) {
        this.resets = resets;
        this.users = users;
        this.hasher = hasher;
        this.signOut = signOut;
        this.attempts = attempts;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** The one-time code an admin hands over, and until when it works. */
    public record Grant(String userName, String userEmail, String code, Instant expiresAt) {
    }

    /** Records a request; says nothing about whether the e-mail exists. */
    public void request(String email, Client client) {
        users.findByEmail(LoginService.normalise(email)).filter(User::active)
            .filter(user -> resets.pendingCount(user.id()) == 0)
            .ifPresent(user -> resets.request(user.id(), client.ip(), client.userAgent(),
                clock.instant()));
    }

    public Grant approve(long requestId, long adminId) {
        PasswordReset request = resets.find(requestId)
            .filter(found -> PasswordReset.PENDING.equals(found.status()))
            .orElseThrow(() -> new AppException(Response.Status.CONFLICT, "reset_not_pending",
                "reset_not_pending"));
        String code = newCode();
        Instant now = clock.instant();
        resets.approve(requestId, codeHash(code), adminId, now, now.plus(VALIDITY));
        resets.supersede(request.userId(), requestId, now);
        return new Grant(request.userName(), request.userEmail(), code, now.plus(VALIDITY));
    }

    public void reject(long requestId, long adminId) {
        if (resets.reject(requestId, adminId, clock.instant()) == 0) {
            throw new AppException(Response.Status.CONFLICT, "reset_not_pending",
                "reset_not_pending");
        }
    }

    /** Forces a reset: the old password stops working and every session and token ends. */
    public Grant force(User user, long adminId) {
        String code = newCode();
        Instant now = clock.instant();
        users.setPassword(user.id(), hasher.hash(Tokens.random(32)), true, now);
        signOut.everywhere(user.id());
        long id = resets.forced(user.id(), codeHash(code), adminId, now, now.plus(VALIDITY));
        resets.supersede(user.id(), id, now);
        return new Grant(user.name(), user.email(), code, now.plus(VALIDITY));
    }

    /** Sets the new password when the code is right; wrong codes count toward lockout. */
    public Outcome redeem(String rawEmail, String code, String newPassword, Client client) {
        String email = LoginService.normalise(rawEmail);
        if (lockout.lockedUntil(email, client.ip()).isPresent()) {
            attempts.record(email, null, client.ip(), client.userAgent(), "RESET", "LOCKED",
                clock.instant());
            return Outcome.LOCKED;
        }
        Optional<User> user = users.findByEmail(email).filter(User::active);
        Instant now = clock.instant();
        if (user.isEmpty() || resets.use(user.get().id(), codeHash(code), now) == 0) {
            attempts.record(email, user.map(User::id).orElse(null), client.ip(),
                client.userAgent(), "RESET", "FAILED", now);
            return Outcome.INVALID;
        }
        users.setPassword(user.get().id(), hasher.hash(newPassword), false, now);
        signOut.everywhere(user.get().id());
        return Outcome.DONE;
    }

    /** How redeeming a code ended. */
    public enum Outcome { DONE, INVALID, LOCKED }

    /** Hash of a code as typed: case, spaces and the dash do not matter. */
    private static String codeHash(String code) {
        String letters = code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return Tokens.sha256(letters);
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
