package com.balcao.app.backups;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The backups admin page. */
final class BackupsView extends PageView {
    private final boolean configured;
    private final String alert;
    private final List<Row> runs;
    private final List<String> problems;

    /** One run as shown: times in the tenant's zone, sizes for people. */
    record Row(String id, String started, String duration, String size, String added,
               String status, boolean verified, String verifiedAt, String problem,
               boolean restorable) { }

    BackupsView(Page page, boolean configured, BackupStatus status, List<BackupRun> runs,
                List<String> problems, ZoneId zone) {
        super("backups.mustache", page, "backups_title", "backups");
        this.configured = configured;
        this.alert = status.healthy() ? null : page.text(status.problemKey());
        this.runs = runs.stream().map(run -> new Row(run.publicId(), page.formatTime(
                run.startedAt()), duration(run.duration()), bytes(run.sizeBytes()),
            bytes(run.addedBytes()), page.text("backup_status_" + run.status().name()
                .toLowerCase()), run.verified(), page.formatTime(run.verifiedAt()),
            run.problem(), run.backupId() != null)).toList();
        this.problems = problems;
    }

    public boolean isConfigured() {
        return configured;
    }

    public String getAlert() {
        return alert;
    }

    public List<Row> getRuns() {
        return runs;
    }

    public boolean isHasRuns() {
        return !runs.isEmpty();
    }

    public List<String> getProblems() {
        return problems;
    }

    static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    static String bytes(Long bytes) {
        if (bytes == null) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format("%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format("%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
