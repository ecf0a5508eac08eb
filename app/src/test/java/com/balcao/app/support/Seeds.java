package com.balcao.app.support;

import com.balcao.app.auth.PasswordHasher;
import com.balcao.app.auth.Role;
import com.balcao.app.config.Databases;
import com.balcao.app.users.NewAccount;
import com.balcao.app.users.UserDao;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
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

    /** A person with a display name (the panel signs their messages with it). */
    public long namedPerson(String name, String email, String password, Role role,
                            List<Long> departmentIds) {
        long id = person(email, password, role, departmentIds);
        jdbi.useHandle(handle -> handle.execute("UPDATE users SET name = ? WHERE id = ?", name,
            id));
        return id;
    }

    /** The id of the person with that display name. */
    public long personNamed(String name) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM users WHERE name = "
            + ":name").bind("name", name).mapTo(Long.class).one());
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

    /** A WhatsApp business number without stored credentials (the config's secret applies). */
    public long whatsAppNumber(String phoneNumberId, String display, Long departmentId,
                               String graphBaseUrl) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                "INSERT INTO wa_numbers (phone_number_id, display_phone_number, label, waba_id, "
                    + "default_department_id, mps, graph_base_url, active, created_at, "
                    + "updated_at) VALUES (:id, :display, 'Teste', '100000000000001', :dept, 80, "
                    + ":url, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
            .bind("id", phoneNumberId).bind("display", display).bind("dept", departmentId)
            .bind("url", graphBaseUrl).executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class).one());
    }

    /** How many rows a table has that match a condition (e.g. {@code "state = 'DONE'"}). */
    public long count(String table, String where) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table
            + " WHERE " + where).mapTo(Long.class).one());
    }

    /** A column of the one row of {@code table} whose {@code key} column holds {@code value}. */
    public String column(String table, String column, String key, Object value) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + column + " FROM " + table
            + " WHERE " + key + " = :value").bind("value", value).mapTo(String.class).one());
    }

    /** The public id of the open conversation of the customer {@code waId}. */
    public String openConversationOf(String waId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT c.public_id FROM "
                + "conversations c JOIN contacts ct ON ct.id = c.contact_id "
                + "WHERE ct.wa_id = :wa AND c.open_flag = 1")
            .bind("wa", waId).mapTo(String.class).one());
    }

    /** Waits until the webhook inbox holds no pending row (every call processed). */
    public void awaitInboxDrained(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count("webhook_inbox", "state = 'PENDING'") > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The webhook inbox was not drained in " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Polls until {@code condition} holds, failing with {@code what} after the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
