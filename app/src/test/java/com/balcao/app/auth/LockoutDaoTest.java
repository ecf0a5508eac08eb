package com.balcao.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.SecurityConfig;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class LockoutDaoTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final LoginAttemptDao ATTEMPTS = new Seeds(DB).jdbi().onDemand(LoginAttemptDao.class);
    static final Instant T0 = Instant.parse("2026-05-10T10:00:00Z");

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    private static Lockout lockoutAt(Instant now) {
        SecurityConfig security = new SecurityConfig();
        security.lockoutMaxFailures = 5;
        security.lockoutMaxFailuresPerIp = 20;
        security.lockoutWindowMinutes = 15;
        return new Lockout(ATTEMPTS, security, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void fail(String email, String ip, Instant at) {
        ATTEMPTS.record(email, null, ip, "test", "PANEL", "FAILED", at);
    }

    @Test
    void fiveFailuresWithinTheWindowLockForFifteenMinutesFromTheLast() {
        for (int i = 0; i < 5; i++) {
            fail("a@test.local", "10.0.0." + i, T0.plus(Duration.ofMinutes(2L * i)));
        }
        Instant last = T0.plus(Duration.ofMinutes(8));

        assertThat(lockoutAt(last.plusSeconds(1)).lockedUntil("a@test.local", "10.9.9.9"))
            .hasValue(last.plus(Duration.ofMinutes(15)));
        assertThat(lockoutAt(last.plus(Duration.ofMinutes(15)).plusSeconds(1))
            .lockedUntil("a@test.local", "10.9.9.9")).isEmpty();
    }

    @Test
    void failuresSpreadWiderThanTheWindowDoNotLock() {
        for (int i = 0; i < 5; i++) {
            fail("b@test.local", "10.1.0." + i, T0.plus(Duration.ofMinutes(5L * i)));
        }

        assertThat(lockoutAt(T0.plus(Duration.ofMinutes(21))).lockedUntil("b@test.local", "x"))
            .isEmpty();
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            fail("c@test.local", "10.2.0.1", T0.plusSeconds(i));
        }
        ATTEMPTS.record("c@test.local", 1L, "10.2.0.1", "test", "PANEL", "SUCCESS",
            T0.plusSeconds(10));
        fail("c@test.local", "10.2.0.1", T0.plusSeconds(20));

        assertThat(lockoutAt(T0.plusSeconds(30)).lockedUntil("c@test.local", "10.2.0.1"))
            .isEmpty();
    }

    @Test
    void oneAddressIsLockedAfterTwentyFailuresAcrossAccounts() {
        for (int i = 0; i < 20; i++) {
            fail("user" + i + "@test.local", "10.3.0.1", T0.plusSeconds(i));
        }

        assertThat(lockoutAt(T0.plusSeconds(30)).lockedUntil("new@test.local", "10.3.0.1"))
            .isPresent();
        assertThat(lockoutAt(T0.plusSeconds(30)).lockedUntil("new@test.local", "10.3.0.2"))
            .isEmpty();
    }
}
