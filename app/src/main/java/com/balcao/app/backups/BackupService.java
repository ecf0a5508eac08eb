package com.balcao.app.backups;

import com.balcao.app.web.AppException;
import com.balcao.app.web.Maintenance;
import com.balcao.backup.BackupEngine;
import com.balcao.backup.BackupException;
import com.balcao.backup.BackupInfo;
import com.balcao.backup.BackupResult;
import com.balcao.backup.BackupSource;
import com.balcao.backup.Manifest;
import com.balcao.backup.Progress;
import com.balcao.backup.VerifyReport;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs, verifies and restores the tenant's backups through {@code backup/}, one operation at a
 * time across every replica (a database lock), and records each run for the panel and alerts.
 */
public final class BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final Progress LOG_PROGRESS = (step, detail) ->
        LOG.info("backup {}: {}", step.name().toLowerCase(), detail);

    private final BackupEngine engine;
    private final BackupSettings settings;
    private final BackupRunDao runs;
    private final Jdbi jdbi;
    private final Maintenance maintenance;
    private final BackupAlerts alerts;
    private final Clock clock;
    private final String instance;

    BackupService(BackupEngine engine, BackupSettings settings, Jdbi jdbi,
                  Maintenance maintenance, BackupAlerts alerts, Clock clock, String instance) {
        this.engine = engine;
        this.settings = settings;
        this.runs = jdbi.onDemand(BackupRunDao.class);
        this.jdbi = jdbi;
        this.maintenance = maintenance;
        this.alerts = alerts;
        this.clock = clock;
        this.instance = instance;
    }

    /** Takes a backup now; a failure is recorded (and alerted) before it is thrown. */
    public BackupRun run(BackupRun.Trigger trigger, Instant scheduledFor) {
        return exclusive(() -> backup(trigger, scheduledFor));
    }

    /** The nightly job: back up, verify by a scratch restore, apply retention, report. */
    BackupRun nightly(Instant scheduledFor) {
        return exclusive(() -> {
            BackupRun run = backup(BackupRun.Trigger.NIGHTLY, scheduledFor);
            BackupRun checked = check(run.backupId(), false);
            if (checked.verified()) {
                List<String> kept = engine.forget(settings.retention(), LOG_PROGRESS).stream()
                    .map(BackupInfo::id).toList();
                runs.expireAllBut(kept);
                alerts.heartbeat();
            }
            return checked;
        });
    }

    /**
     * Restores a backup into scratch copies and compares it with its manifest. {@code id} may
     * also be a snapshot id, {@code latest}, or a backup this database has no record of (a new
     * stack restoring an old tenant's repository): it is recorded then.
     */
    public BackupRun verify(String id) {
        return exclusive(() -> check(known(id), false));
    }

    /** The weekly drill: every stored byte read, the latest backup restored and compared. */
    BackupRun drill() {
        return exclusive(() -> check("latest", true));
    }

    /**
     * Replaces this tenant's data with a backup. The webhook answers 503 and the workers pause
     * meanwhile; a damaged backup is refused before anything is touched.
     */
    public VerifyReport restore(String id) {
        String backupId = known(id);
        return exclusive(() -> {
            Manifest manifest = engine.manifest(backupId);
            String current = schemaVersion();
            if (!manifest.schemaVersion().equals(current)) {
                throw new AppException(AppException.UNPROCESSABLE, "backup_schema_differs",
                    "backup_schema_differs", manifest.schemaVersion(), current);
            }
            maintenance.begin("restore " + backupId, Duration.ofHours(2));
            try {
                Thread.sleep(Maintenance.CACHE.multipliedBy(4).toMillis());
                LOG.warn("restoring backup {} into the running tenant", backupId);
                return engine.restore(backupId, settings.restoreInPlace(), LOG_PROGRESS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted before the restore", e);
            } finally {
                maintenance.end();
            }
        });
    }

    public List<BackupRun> recent() {
        return runs.recent(60);
    }

    public BackupRun find(String id) {
        return runs.find(id).filter(r -> r.backupId() != null)
            .orElseThrow(() -> new AppException(Response.Status.NOT_FOUND, "backup_not_found",
                "backup_not_found"));
    }

    /** Mails the alert address while the status is bad (the job runs every six hours). */
    void watchdog() {
        BackupStatus status = status();
        if (!status.healthy() && "backup_alert_stale".equals(status.problemKey())) {
            alerts.stale(status.detail());
        }
    }

    BackupStatus status() {
        return BackupStatus.of(runs.lastFinished(), runs.lastVerified(), settings != null,
            Duration.ofHours(alerts.maxAgeHours()), clock.instant(), runs.installedAt());
    }

    private BackupRun backup(BackupRun.Trigger trigger, Instant scheduledFor) {
        long runId = runs.start(trigger, clock.instant(), scheduledFor, instance);
        try {
            BackupResult result = engine.backup(new BackupSource(settings.database(),
                settings.mediaDir(), settings.publicConfig(), BackupSettings.appVersion(),
                schemaVersion(), BackupSettings.ON_RESTORE), clock.instant(),
                List.of(trigger.name().toLowerCase()), LOG_PROGRESS);
            runs.succeeded(runId, result.id(), result.snapshot(), result.sizeBytes(),
                result.addedBytes(), clock.instant());
            return find(result.id());
        } catch (RuntimeException e) {
            String problem = truncate(String.valueOf(e.getMessage()));
            runs.failed(runId, problem, clock.instant());
            alerts.failed("backup", problem);
            throw e;
        }
    }

    private BackupRun check(String backupId, boolean readAllData) {
        try {
            VerifyReport report = engine.verify(backupId, settings.scratch(), readAllData,
                LOG_PROGRESS);
            if (runs.find(report.id()).isEmpty()) {
                runs.adopt(report.id(), report.manifest().createdAt(), instance);
            }
            if (report.ok()) {
                runs.verified(report.id(), clock.instant());
            } else {
                String problem = String.join("; ", report.problems());
                runs.unverified(report.id(), truncate(problem));
                alerts.failed("verify " + report.id(), problem);
            }
            return find(report.id());
        } catch (BackupException e) {
            if (e.reason() == BackupException.Reason.NOT_FOUND) {
                throw e; // a mistyped id is the caller's 404, not an alarm
            }
            runs.unverified(backupId, truncate(e.getMessage()));
            alerts.failed("verify " + backupId, e.getMessage());
            throw e;
        }
    }

    /** The backup id of a recorded run, or the id as given for the engine to resolve. */
    private String known(String id) {
        return runs.find(id).map(BackupRun::backupId).orElse(id);
    }

    private String schemaVersion() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM DATABASECHANGELOG "
            + "ORDER BY ORDEREXECUTED DESC LIMIT 1").mapTo(String.class).findOne().orElse("none"));
    }

    /** One backup operation at a time for this database, whichever replica asks. */
    private <T> T exclusive(Supplier<T> work) {
        String lock = "balcao-backup-" + settings.database().name();
        try (Handle handle = jdbi.open()) {
            Integer got = handle.createQuery("SELECT GET_LOCK(:name, 0)").bind("name", lock)
                .mapTo(Integer.class).one();
            if (got == null || got != 1) {
                throw new AppException(Response.Status.CONFLICT, "backup_busy", "backup_busy");
            }
            try {
                return work.get();
            } catch (BackupException e) {
                throw failure(e);
            } finally {
                handle.createQuery("SELECT RELEASE_LOCK(:name)").bind("name", lock)
                    .mapTo(Integer.class).one();
            }
        }
    }

    /** An engine failure as the API and the command show it: its reason and its words. */
    private static AppException failure(BackupException e) {
        Response.StatusType status = switch (e.reason()) {
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case LOCKED -> Response.Status.CONFLICT;
            case CORRUPT, MISMATCH -> AppException.UNPROCESSABLE;
            case WRONG_KEY, TARGET_UNREACHABLE, DISK_FULL -> Response.Status.SERVICE_UNAVAILABLE;
            default -> Response.Status.INTERNAL_SERVER_ERROR;
        };
        return new AppException(status, "backup_" + e.reason().name().toLowerCase(),
            "backup_failed", e.getMessage());
    }

    private static String truncate(String text) {
        return text.length() > 990 ? text.substring(0, 990) + "…" : text;
    }
}
