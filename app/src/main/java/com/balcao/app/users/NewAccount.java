package com.balcao.app.users;

import com.balcao.app.auth.PasswordHasher;
import com.balcao.app.auth.Role;
import com.balcao.app.auth.Tokens;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Creates staff accounts, for the admin pages and the commands alike. */
public final class NewAccount {
    private final UserDao users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public NewAccount(UserDao users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** A new account, and the password to hand over when one was generated. */
    public record Created(long id, Optional<String> generatedPassword) {
    }

    /**
     * Creates an account. With no password given one is generated, shown once, and must be
     * changed at the first sign-in.
     */
    public Created create(String name, String email, Role role, int capacity,
                          List<Long> departmentIds, String password) {
        boolean generated = password == null || password.isEmpty();
        String actual = generated ? Tokens.random(9) : password;
        long id = users.insert(email, name, hasher.hash(actual), role, "pt-BR", capacity,
            generated, clock.instant());
        users.replaceDepartments(id, departmentIds);
        return new Created(id, generated ? Optional.of(actual) : Optional.empty());
    }
}
