package com.balcao.app.support;

import com.balcao.app.auth.PasswordHasher;
import com.balcao.app.auth.Role;
import com.balcao.app.config.Databases;
import com.balcao.app.users.NewAccount;
import com.balcao.app.users.UserDao;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Puts people and departments straight into a test database. */
public final class Seeds {
    private static final PasswordHasher HASHER = new PasswordHasher(12);
    private final Jdbi jdbi;

    public Seeds(TestDatabase database) {
        this.jdbi = Databases.configure(Jdbi.create(database.url(), TestDatabase.USER,
            TestDatabase.PASSWORD));
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public long person(String email, String password, Role role, List<Long> departmentIds) {
        return new NewAccount(jdbi.onDemand(UserDao.class), HASHER, Clock.systemUTC())
            .create("Pessoa " + role.name().toLowerCase(), email, role, 5, departmentIds, password)
            .id();
    }

    public long department(String name, String slug) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                "INSERT INTO departments (name, slug, menu_keywords, response_timeout_minutes, "
                    + "active, created_at, updated_at) VALUES (:name, :slug, '', 15, TRUE, "
                    + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
            .bind("name", name).bind("slug", slug).executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class).one());
    }
}
