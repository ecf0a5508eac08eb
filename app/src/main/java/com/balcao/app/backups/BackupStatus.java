package com.balcao.app.backups;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Whether the tenant is safely backed up: the last run did not fail and a verified backup is
 * younger than the limit. Shown to admins as a banner and as the {@code backup} health check.
 * A tenant installed less than that limit ago, with no backup run yet, is fine: its first
 * nightly backup is not due yet, and a new tenant must not look broken (or fail readiness).
 *
 * @param problemKey the message key of what is wrong, or null
 */
record BackupStatus(boolean configured, String problemKey, String detail,
                    BackupRun lastVerified) {

    static BackupStatus of(Optional<BackupRun> lastFinished, Optional<BackupRun> lastVerified,
                           boolean configured, Duration maxAge, Instant now,
                           Optional<Instant> installedAt) {
        if (!configured) {
            return new BackupStatus(false, null, "backups are not configured", null);
        }
        BackupRun verified = lastVerified.orElse(null);
        if (lastFinished.isPresent() && lastFinished.get().status() == BackupRun.Status.FAILED) {
            return new BackupStatus(true, "backup_alert_failed",
                "the last backup failed: " + lastFinished.get().problem(), verified);
        }
        Optional<Instant> due = installedAt.map(at -> at.plus(maxAge)
            .truncatedTo(ChronoUnit.SECONDS));
        if (verified == null && due.filter(now::isBefore).isPresent()) {
            return new BackupStatus(true, null, "no backup yet; first one due at " + due.get(),
                null);
        }
        if (verified == null || verified.startedAt().isBefore(now.minus(maxAge))) {
            return new BackupStatus(true, "backup_alert_stale",
                "no verified backup in the last " + maxAge.toHours() + " hours", verified);
        }
        return new BackupStatus(true, null, "verified backup " + verified.backupId(), verified);
    }

    boolean healthy() {
        return problemKey == null;
    }
}
