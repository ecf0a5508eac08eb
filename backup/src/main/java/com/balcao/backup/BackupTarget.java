package com.balcao.backup;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A restic repository and the key that opens it: a local folder or an S3-compatible bucket.
 *
 * @param repository restic's repository string ({@code /srv/backups/acme},
 *     {@code s3:https://s3.example.com/bucket/acme})
 * @param password the tenant's backup key; whoever loses it loses the backups
 * @param environment extra variables for restic (S3 credentials, region)
 * @param cacheDir restic's local cache, or null to run without one
 */
public record BackupTarget(String repository, String password, Map<String, String> environment,
                           Path cacheDir) {

    public BackupTarget {
        Objects.requireNonNull(repository, "repository");
        if (repository.isBlank()) {
            throw new IllegalArgumentException("backup repository is not set");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("backup password (key) is not set");
        }
        environment = Map.copyOf(environment == null ? Map.of() : environment);
    }

    /** A repository in a local (or mounted) folder. */
    public static BackupTarget local(Path folder, String password) {
        return new BackupTarget(folder.toAbsolutePath().toString(), password, Map.of(), null);
    }

    /**
     * A repository in an S3-compatible bucket.
     *
     * @param endpoint e.g. {@code https://s3.amazonaws.com} or {@code http://127.0.0.1:9000}
     * @param bucketAndPath e.g. {@code balcao-backups/acme}
     */
    public static BackupTarget s3(String endpoint, String bucketAndPath, String accessKey,
                                  String secretKey, String region, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", accessKey);
        env.put("AWS_SECRET_ACCESS_KEY", secretKey);
        if (region != null && !region.isBlank()) {
            env.put("AWS_DEFAULT_REGION", region);
        }
        String base = endpoint.endsWith("/") ? endpoint : endpoint + "/";
        return new BackupTarget("s3:" + base + bucketAndPath, password, env, null);
    }

    /** The same repository with restic's cache in this folder (faster listing on S3). */
    public BackupTarget withCache(Path folder) {
        return new BackupTarget(repository, password, environment, folder);
    }

    boolean isLocal() {
        return !repository.matches("^[a-z0-9]+:.*") || repository.startsWith("local:");
    }

    @Override
    public String toString() {
        return repository;
    }
}
