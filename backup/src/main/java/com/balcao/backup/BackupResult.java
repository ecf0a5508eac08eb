package com.balcao.backup;

import java.time.Instant;

/**
 * A finished backup run.
 *
 * @param snapshot the short restic id of its database snapshot (accepted wherever an id is)
 * @param sizeBytes bytes read (dump plus media)
 * @param addedBytes bytes the repository grew by after deduplication and compression
 */
public record BackupResult(String id, String snapshot, Instant startedAt, Instant finishedAt, long sizeBytes,
                           long addedBytes, Manifest manifest) { }
