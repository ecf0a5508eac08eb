package com.balcao.app.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balcao.app.auth.Role;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class UserDaoTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final Seeds SEEDS = new Seeds(DB);
    static final UserDao USERS = SEEDS.jdbi().onDemand(UserDao.class);

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void keepsMicrosecondsOfTimestamps() {
        Instant now = Instant.parse("2026-03-01T12:34:56.123456Z");
        long id = USERS.insert("micro@test.local", "Micro", "hash", Role.AGENT, "pt-BR", 3, false,
            now);
        USERS.markLogin(id, now);

        User user = USERS.findById(id).orElseThrow();
        assertThat(user.createdAt()).isEqualTo(now);
        assertThat(user.lastLoginAt()).isEqualTo(now);
        assertThat(user.role()).isEqualTo(Role.AGENT);
    }

    @Test
    void storesNamesWithEmojiAndAccents() {
        long id = USERS.insert("emoji@test.local", "Zé 🦷 Grüße", "hash", Role.AGENT, "pt-BR", 3,
            false, Instant.now());

        assertThat(USERS.findById(id).orElseThrow().name()).isEqualTo("Zé 🦷 Grüße");
    }

    @Test
    void emailIsUnique() {
        USERS.insert("dup@test.local", "A", "hash", Role.AGENT, "pt-BR", 3, false, Instant.now());

        assertThatThrownBy(() -> USERS.insert("dup@test.local", "B", "hash", Role.AGENT, "pt-BR",
            3, false, Instant.now())).isInstanceOf(UnableToExecuteStatementException.class);
    }

    @Test
    void replacesDepartmentsAtomically() {
        long lab = SEEDS.department("Laboratório", "lab-dao");
        long fin = SEEDS.department("Financeiro", "fin-dao");
        long id = USERS.insert("deps@test.local", "Deps", "hash", Role.AGENT, "pt-BR", 3, false,
            Instant.now());

        USERS.replaceDepartments(id, List.of(lab, fin));
        assertThat(USERS.departmentIds(id)).containsExactlyInAnyOrder(lab, fin);
        USERS.replaceDepartments(id, List.of(fin));
        assertThat(USERS.departmentIds(id)).containsExactly(fin);
        assertThat(USERS.memberships(List.of(id))).extracting(UserDao.Membership::departmentId)
            .containsExactly(fin);
    }

    @Test
    void countsOnlyActiveAdmins() {
        int before = USERS.countActiveAdmins();
        long id = USERS.insert("adm@test.local", "Adm", "hash", Role.ADMIN, "pt-BR", 3, false,
            Instant.now());
        assertThat(USERS.countActiveAdmins()).isEqualTo(before + 1);

        USERS.setActive(id, false, Instant.now());
        assertThat(USERS.countActiveAdmins()).isEqualTo(before);
    }
}
