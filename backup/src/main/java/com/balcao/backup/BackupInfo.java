package com.balcao.backup;

import java.time.Instant;
import java.util.List;

/**
 * A backup in the repository (its database and files snapshots).
 *
 * @param id the backup's id, stable across verification
 * @param snapshot the short restic id of its database snapshot (accepted wherever an id is)
 * @param time when it was taken
 * @param labels what the caller tagged it with ({@code nightly}, {@code manual}, {@code pre-upgrade})
 * @param verifiedAt when a restore of it last matched its manifest, or null
 */
public record BackupInfo(String id, String snapshot, Instant time, List<String> labels, Instant verifiedAt) {

    public boolean verified() {
        return verifiedAt != null;
    }
}
