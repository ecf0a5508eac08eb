package com.balcao.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a restore goes.
 *
 * @param database the database to replace (the same tenant's or a new, empty one)
 * @param mediaDir the media folder to replace
 * @param scratchDatabase a database name on the same server the login may create and drop;
 *     the backup is loaded and checked there first, and {@code <name>_old} takes the replaced
 *     tables for a moment
 * @param keepTablePrefixes tables of the target kept as they are (e.g. the scheduler's own)
 */
public record RestoreTarget(Database database, Path mediaDir, String scratchDatabase,
                            List<String> keepTablePrefixes) {

    public RestoreTarget {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(mediaDir, "mediaDir");
        Objects.requireNonNull(scratchDatabase, "scratchDatabase");
        if (scratchDatabase.equals(database.name())) {
            throw new IllegalArgumentException("scratch database must differ from the target");
        }
        keepTablePrefixes = List.copyOf(keepTablePrefixes == null ? List.of() : keepTablePrefixes);
    }

    /** Everything is replaced; the scratch database is {@code <name>_scratch}. */
    public static RestoreTarget of(Database database, Path mediaDir) {
        return new RestoreTarget(database, mediaDir, database.name() + "_scratch", List.of());
    }
}
