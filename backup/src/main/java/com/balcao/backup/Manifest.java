package com.balcao.backup;

import java.time.Instant;
import java.util.List;

/**
 * What a backup holds, written next to it and compared with every restored copy.
 *
 * @param tables per table: row count and {@code CHECKSUM TABLE}, taken before and after the dump
 * @param mediaFolder where the media folder sits inside the files snapshot
 * @param onRestore SQL run on a restored copy before it goes live (none in format 1)
 */
public record Manifest(int format, String backupId, Instant createdAt, String appVersion,
                       String schemaVersion, String database, String dumpSha256, long dumpBytes,
                       List<TableStat> tables, MediaStat media, String mediaFolder,
                       String onRestore) {

    static final int FORMAT = 2;

    public Manifest {
        onRestore = onRestore == null ? "" : onRestore;
    }

    /**
     * One table. {@code stable} means nothing wrote to it while the dump ran, so a restored copy
     * must match {@code rows} and {@code checksum} exactly; otherwise its row count must lie
     * between {@code rows} and {@code rowsAfter} (what was written meanwhile may or may not be in
     * the dump's consistent snapshot).
     */
    public record TableStat(String name, long rows, long rowsAfter, String checksum,
                            boolean stable) { }

    /** The media folder: each file's relative path, size and SHA-256, and the total hash. */
    public record MediaStat(long files, long bytes, String sha256, List<MediaFile> entries) { }

    /** One media file. */
    public record MediaFile(String path, long size, String sha256) { }
}
