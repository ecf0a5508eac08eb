package com.balcao.app.backups;

import com.balcao.app.App;
import com.balcao.app.config.AppConfig;
import com.balcao.app.config.BackupConfig;
import com.balcao.backup.BackupTarget;
import com.balcao.backup.Database;
import com.balcao.backup.RestoreTarget;
import com.balcao.backup.RetentionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The backup engine's inputs, read from the app's configuration. */
record BackupSettings(BackupTarget target, Database database, Database scratch, Path mediaDir,
                      Path workDir, RetentionPolicy retention, Map<String, String> publicConfig) {

    /** Tables a restore into the running tenant leaves alone: the scheduler's and this history. */
    static final List<String> KEPT_TABLES = List.of("QRTZ_", "backup_runs");
    /** Stored with each backup, run by each restore: nothing pending is sent again. */
    static final String ON_RESTORE = resource("on-restore.sql");

    static Optional<BackupSettings> of(AppConfig config) {
        BackupConfig backup = config.backup;
        if (!backup.configured()) {
            return Optional.empty();
        }
        Map<String, String> env = new HashMap<>();
        if (!backup.s3AccessKey.isBlank()) {
            env.put("AWS_ACCESS_KEY_ID", backup.s3AccessKey);
            env.put("AWS_SECRET_ACCESS_KEY", backup.s3SecretKey);
        }
        if (!backup.s3Region.isBlank()) {
            env.put("AWS_DEFAULT_REGION", backup.s3Region);
        }
        Path data = Path.of(config.tenant.dataDir).toAbsolutePath();
        BackupTarget target = new BackupTarget(repository(backup.repository), password(backup),
            env, data.resolve(".cache/restic"));
        Database database = database(config);
        String scratch = backup.scratchDatabase.isBlank() ? database.name() + "_scratch"
            : backup.scratchDatabase;
        return Optional.of(new BackupSettings(target, database, database.withName(scratch),
            data.resolve("media"), data.resolve(".backup-work"),
            new RetentionPolicy(backup.keepDaily, backup.keepWeekly, backup.keepMonthly),
            publicConfig(config)));
    }

    RestoreTarget restoreInPlace() {
        return new RestoreTarget(database, mediaDir, scratch.name(), KEPT_TABLES);
    }

    private static String repository(String repository) {
        // a relative folder is relative to where the app runs, like DATA_DIR
        if (repository.matches("^[a-z0-9]+:.*") || repository.startsWith("/")) {
            return repository;
        }
        return Path.of(repository).toAbsolutePath().toString();
    }

    private static String password(BackupConfig backup) {
        if (!backup.password.isEmpty()) {
            return backup.password;
        }
        try {
            return Files.readString(Path.of(backup.passwordFile), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BACKUP_PASSWORD_FILE", e);
        }
    }

    /** The database of the app's JDBC URL, with the app's login. */
    static Database database(AppConfig config) {
        URI uri = URI.create(config.database.getUrl().substring("jdbc:".length()));
        String name = uri.getPath().substring(1);
        return new Database(uri.getHost(), uri.getPort() == -1 ? 3306 : uri.getPort(),
            config.database.getUser(), config.database.getPassword(), name);
    }

    /** What the backup stores as the tenant's configuration: nothing secret. */
    private static Map<String, String> publicConfig(AppConfig config) {
        Map<String, String> map = new HashMap<>();
        map.put("app.version", appVersion());
        map.put("tenant.name", config.tenant.name);
        map.put("tenant.timeZone", config.tenant.timeZone);
        map.put("tenant.defaultLocale", config.tenant.defaultLocale);
        map.put("backup.cron", config.backup.cron);
        map.put("backup.retention", config.backup.keepDaily + "d/" + config.backup.keepWeekly
            + "w/" + config.backup.keepMonthly + "m");
        map.put("whatsapp.graphVersion", config.whatsapp.graphVersion);
        return map;
    }

    private static String resource(String name) {
        try (InputStream in = BackupSettings.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the app");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    static String appVersion() {
        String version = App.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
