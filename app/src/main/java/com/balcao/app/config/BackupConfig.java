package com.balcao.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Nightly backups (package {@code backups}). Without a repository and a password (key) the
 * feature is off: the panel says so and nothing is scheduled.
 */
public class BackupConfig {
    /** restic repository: a folder, or {@code s3:https://host/bucket/path}. */
    @NotNull public String repository = "";
    /** The tenant's backup key; whoever loses it loses the backups. */
    @NotNull public String password = "";
    /** Or a file holding the key (e.g. a mounted secret). */
    @NotNull public String passwordFile = "";
    @NotNull public String s3AccessKey = "";
    @NotNull public String s3SecretKey = "";
    @NotNull public String s3Region = "";
    /** Quartz cron of the nightly backup, in the tenant's time zone. */
    @NotBlank public String cron = "0 0 3 * * ?";
    /** Quartz cron of the weekly restore drill (every stored byte read, restore compared). */
    @NotBlank public String drillCron = "0 30 4 ? * SUN";
    @Min(0) public int keepDaily = 7;
    @Min(0) public int keepWeekly = 4;
    @Min(0) public int keepMonthly = 6;
    /** Database the checks restore into (created and dropped); default {@code <db>_scratch}. */
    @NotNull public String scratchDatabase = "";
    /** No verified backup younger than this makes the health check and the banner complain. */
    @Min(1) @Max(24 * 31) public int maxAgeHours = 26;
    /** Pinged (GET) after every verified nightly backup, e.g. a healthchecks.io URL. */
    @NotNull public String heartbeatUrl = "";
    /** Who is mailed when a backup fails or none is fresh (needs {@code smtpHost}). */
    @NotNull public String alertEmail = "";
    @NotNull public String smtpHost = "";
    @Min(1) @Max(65535) public int smtpPort = 587;
    @NotNull public String smtpUser = "";
    @NotNull public String smtpPassword = "";
    @NotNull public String smtpFrom = "";
    public boolean smtpStartTls = true;

    public boolean configured() {
        return !repository.isBlank() && (!password.isEmpty() || !passwordFile.isBlank());
    }
}
