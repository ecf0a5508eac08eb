package com.balcao.app.backups;

import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Redis;
import com.balcao.app.web.AppException;
import com.balcao.app.web.Maintenance;
import com.balcao.app.web.MaintenanceFilter;
import com.balcao.backup.BackupEngine;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import jakarta.ws.rs.core.Response;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;

/**
 * The backups feature: the nightly job and restore drill (Quartz), the admin page and API, the
 * health check and the 503 of the webhook during a restore. Off without a repository and key.
 */
public final class Backups {
    private final Optional<BackupService> service;

    private Backups(Optional<BackupService> service) {
        this.service = service;
    }

    public static Backups register(AppConfig config, Environment environment, Jdbi jdbi,
                                   Redis redis, Clock clock) {
        Maintenance maintenance = new Maintenance(redis);
        environment.servlets().addFilter("maintenance", new MaintenanceFilter(maintenance))
            .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/webhooks/*");
        Optional<BackupService> service = build(config, jdbi, maintenance, clock);
        service.ifPresent(s -> environment.lifecycle().manage(
            new BackupScheduler(config, s, instanceId())));
        Backups backups = new Backups(service);
        BackupTasks tasks = new BackupTasks();
        environment.lifecycle().manage(tasks);
        environment.healthChecks().register("backup", new BackupHealthCheck(backups::status));
        environment.jersey().register(new BackupsApiResource(backups));
        environment.jersey().register(new BackupsResource(backups, tasks, config.tenant.name,
            config.tenant.zoneId()));
        return backups;
    }

    /** Builds the service for the {@code backup} command (no scheduler, no web). */
    static BackupService standalone(AppConfig config, Jdbi jdbi, Redis redis, Clock clock) {
        return build(config, jdbi, new Maintenance(redis), clock).orElseThrow(() ->
            new IllegalStateException("backups are not configured: set BACKUP_REPOSITORY and "
                + "BACKUP_PASSWORD (or BACKUP_PASSWORD_FILE)"));
    }

    private static Optional<BackupService> build(AppConfig config, Jdbi jdbi,
                                                 Maintenance maintenance, Clock clock) {
        return BackupSettings.of(config).map(settings -> new BackupService(
            new BackupEngine(settings.target(), settings.workDir()), settings, jdbi, maintenance,
            new BackupAlerts(config.backup, config.tenant.name), clock, instanceId()));
    }

    BackupService service() {
        return service.orElseThrow(() -> new AppException(Response.Status.CONFLICT,
            "backups_not_configured", "backups_not_configured"));
    }

    boolean configured() {
        return service.isPresent();
    }

    BackupStatus status() {
        return service.map(BackupService::status)
            .orElseGet(() -> new BackupStatus(false, null, "backups are not configured", null));
    }

    private static String instanceId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt());
    }
}
