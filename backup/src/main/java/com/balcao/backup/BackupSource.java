package com.balcao.backup;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What one tenant's backup is made of.
 *
 * @param database the tenant database (dumped with a consistent snapshot, never a table lock)
 * @param mediaDir the tenant's files (may not exist yet: backed up as empty)
 * @param config the tenant's non-secret configuration, stored as {@code config.json}
 * @param appVersion the app version that took the backup
 * @param schemaVersion the last applied schema change (e.g. the Liquibase changeset id)
 * @param onRestore SQL that every restore of this backup runs on the restored copy before it
 *     replaces the target, e.g. to settle work that was pending when the backup was taken; it
 *     is stored in the manifest, so it reaches every restore, whoever runs it
 */
public record BackupSource(Database database, Path mediaDir, Map<String, String> config,
                           String appVersion, String schemaVersion, String onRestore) {

    public BackupSource {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(mediaDir, "mediaDir");
        config = Map.copyOf(config == null ? Map.of() : config);
        appVersion = appVersion == null ? "unknown" : appVersion;
        schemaVersion = schemaVersion == null ? "unknown" : schemaVersion;
        onRestore = onRestore == null ? "" : onRestore;
    }

    /** A source whose restores need nothing beyond the data. */
    public BackupSource(Database database, Path mediaDir, Map<String, String> config,
                        String appVersion, String schemaVersion) {
        this(database, mediaDir, config, appVersion, schemaVersion, "");
    }
}
