package com.balcao.app.backups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The backup health a tenant shows, from its runs, its install time and the clock. */
class BackupStatusTest {
    private static final Duration MAX_AGE = Duration.ofHours(26);
    private static final Instant INSTALLED = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void aNewTenantWithoutBackupsIsHealthyAndSaysWhenTheFirstIsDue() {
        BackupStatus status = status(Optional.empty(), Optional.empty(),
            INSTALLED.plus(Duration.ofHours(25)));
        assertThat(status.healthy()).isTrue();
        assertThat(status.detail())
            .isEqualTo("no backup yet; first one due at 2026-12-01T12:00:00Z");
    }

    @Test
    void twentySixHoursAfterTheInstallWithoutAVerifiedBackupItIsUnhealthy() {
        BackupStatus status = status(Optional.empty(), Optional.empty(),
            INSTALLED.plus(Duration.ofHours(26)).plusSeconds(1));
        assertThat(status.healthy()).isFalse();
        assertThat(status.detail()).isEqualTo("no verified backup in the last 26 hours");
    }

    @Test
    void aFailedFirstBackupIsUnhealthyEvenOnTheFirstDay() {
        BackupRun failed = run(BackupRun.Status.FAILED, INSTALLED.plusSeconds(60), null);
        BackupStatus status = status(Optional.of(failed), Optional.empty(),
            INSTALLED.plus(Duration.ofHours(1)));
        assertThat(status.healthy()).isFalse();
        assertThat(status.problemKey()).isEqualTo("backup_alert_failed");
    }

    @Test
    void anOldVerifiedBackupIsStaleWhateverTheInstallTime() {
        BackupRun old = run(BackupRun.Status.SUCCEEDED, INSTALLED.plusSeconds(60),
            INSTALLED.plusSeconds(120));
        BackupStatus status = status(Optional.of(old), Optional.of(old),
            INSTALLED.plus(Duration.ofHours(27)));
        assertThat(status.healthy()).isFalse();
        assertThat(status.problemKey()).isEqualTo("backup_alert_stale");
    }

    private static BackupStatus status(Optional<BackupRun> finished,
                                       Optional<BackupRun> verified, Instant now) {
        return BackupStatus.of(finished, verified, true, MAX_AGE, now, Optional.of(INSTALLED));
    }

    private static BackupRun run(BackupRun.Status status, Instant at, Instant verifiedAt) {
        return new BackupRun(1, "b1", "s1", BackupRun.Trigger.NIGHTLY, status, at, at, null,
            1L, 1L, verifiedAt, status == BackupRun.Status.FAILED ? "disk full" : null, "i");
    }
}
