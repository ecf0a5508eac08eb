package com.balcao.app.backups;

import java.time.Duration;
import java.time.Instant;

/** One backup run as the panel and the API show it. */
public record BackupRun(long id, String backupId, String snapshot, Trigger triggerKind,
                        Status status, Instant startedAt, Instant finishedAt,
                        Instant scheduledFor, Long sizeBytes, Long addedBytes,
                        Instant verifiedAt, String problem, String instance) {

    /** What started a run. */
    public enum Trigger { NIGHTLY, MANUAL, COMMAND }

    /** Where a run stands; EXPIRED once retention removed its backup. */
    public enum Status { RUNNING, SUCCEEDED, FAILED, EXPIRED }

    public boolean verified() {
        return verifiedAt != null;
    }

    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    /** The id clients use: the backup's own, or {@code run-<n>} for a run that made none. */
    public String publicId() {
        return backupId != null ? backupId : "run-" + id;
    }
}
