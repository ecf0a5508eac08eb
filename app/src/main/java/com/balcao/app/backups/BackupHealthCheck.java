package com.balcao.app.backups;

import com.codahale.metrics.health.HealthCheck;
import java.util.function.Supplier;

/** {@code /healthcheck}'s {@code backup} entry: unhealthy after a failed run or a stale backup. */
final class BackupHealthCheck extends HealthCheck {
    private final Supplier<BackupStatus> status;

    BackupHealthCheck(Supplier<BackupStatus> status) {
        this.status = status;
    }

    @Override
    protected Result check() {
        BackupStatus current = status.get();
        return current.healthy() ? Result.healthy(current.detail())
            : Result.unhealthy(current.detail());
    }
}
