package com.balcao.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The database dump streamed from mariadb-dump straight into the repository (no temp file). */
record DumpedDatabase(Restic.Summary summary, String sha256, long bytes) {

    static DumpedDatabase take(MariaDb db, Restic restic, String id, Instant time,
                               List<String> labels, Progress progress) {
        Proc dump = Proc.start(db.dumpCommand(), Map.of(), null);
        DumpStream stream = new DumpStream(dump.process().getInputStream(), progress);
        Restic.Summary summary;
        try {
            summary = restic.backupStdin(stream, "database.sql",
                Snapshots.tags(id, Snapshots.DATABASE, labels), time);
        } catch (RuntimeException e) {
            dump.process().destroyForcibly();
            throw e;
        }
        int exit = dump.await(Duration.ofMinutes(5));
        if (exit != 0 || !stream.complete()) {
            // restic stored whatever arrived: remove it so a partial dump never counts as a backup
            restic.forgetSnapshots(List.of(summary.snapshotId()));
            throw Failures.fromDatabase("dumping " + db.database(),
                dump.errors().isEmpty() ? "the dump ended early" : dump.errors());
        }
        progress.on(Progress.Step.DUMP, (stream.bytes() >> 10) + " KB dumped");
        return new DumpedDatabase(summary, stream.sha256(), stream.bytes());
    }
}
