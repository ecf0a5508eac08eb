package com.balcao.app.backups;

import java.time.Instant;

/** A backup run in the API. */
record BackupJson(String id, String snapshot, String trigger, Instant startedAt,
                  Instant finishedAt, String status, Long sizeBytes, Long addedBytes,
                  boolean verified, Instant verifiedAt, String problem) {

    static BackupJson of(BackupRun run) {
        return new BackupJson(run.publicId(), run.snapshot(), run.triggerKind().name(),
            run.startedAt(), run.finishedAt(), run.status().name(), run.sizeBytes(),
            run.addedBytes(), run.verified(), run.verifiedAt(), run.problem());
    }
}
