package com.balcao.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The restic commands the engine uses, with the repository, key and errors handled in one place. */
final class Restic {

    /** Every snapshot is written under this host name, so retention groups survive new hosts. */
    static final String HOST = "balcao";
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A snapshot as {@code restic snapshots --json} lists it. */
    record Snap(String id, Instant time, List<String> tags, List<String> paths) { }

    /** What {@code restic backup --json} reports at the end. */
    record Summary(String snapshotId, long bytesProcessed, long bytesAdded) { }

    private final BackupTarget target;
    private final Duration timeout;
    private volatile boolean opened;

    Restic(BackupTarget target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    /** Fails fast with a clear message when an S3 endpoint does not answer at all. */
    void probe() {
        if (!target.repository().startsWith("s3:http")) {
            return;
        }
        URI uri = URI.create(target.repository().substring(3));
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 5000);
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.TARGET_UNREACHABLE,
                "cannot reach the backup repository " + target + ": " + e.getMessage(), e);
        }
    }

    /** Creates the repository when there is none yet at the target. */
    void ensureRepository() {
        if (opened) {
            return;
        }
        probe();
        Proc.Result result = exec(List.of("cat", "config"), null, null);
        if (result.ok()) {
            opened = true;
            return;
        }
        String err = result.err().toLowerCase();
        if (err.contains("unable to open config file") || err.contains("is there a repository")) {
            if (target.isLocal()) {
                try {
                    Files.createDirectories(Path.of(target.repository()).getParent());
                } catch (IOException e) {
                    throw Failures.fromIo("creating the repository folder", e);
                }
            }
            check(exec(List.of("init"), null, null), "creating the repository");
            opened = true;
            return;
        }
        throw Failures.fromRestic("opening the repository", target, result.err());
    }

    Summary backupStdin(InputStream data, String fileName, List<String> tags, Instant time) {
        List<String> args = new ArrayList<>(List.of("backup", "--json", "--stdin",
            "--stdin-filename", fileName));
        args.addAll(snapshotFlags(tags, time));
        return summary(check(exec(args, null, data), "storing the database dump"));
    }

    Summary backupFiles(Path cwd, List<String> paths, List<String> tags, Instant time) {
        List<String> args = new ArrayList<>(List.of("backup", "--json"));
        args.addAll(snapshotFlags(tags, time));
        args.addAll(paths);
        return summary(check(exec(args, cwd, null), "storing the files"));
    }

    List<Snap> snapshots(String tagFilter) {
        Proc.Result result = check(exec(List.of("snapshots", "--json", "--tag", tagFilter),
            null, null), "listing the backups");
        List<Snap> snaps = new ArrayList<>();
        for (JsonNode node : read(result.out())) {
            List<String> tags = new ArrayList<>();
            node.path("tags").forEach(t -> tags.add(t.asText()));
            List<String> paths = new ArrayList<>();
            node.path("paths").forEach(p -> paths.add(p.asText()));
            snaps.add(new Snap(node.get("id").asText(),
                OffsetDateTime.parse(node.get("time").asText()).toInstant(), tags, paths));
        }
        return snaps;
    }

    /** Writes one file of a snapshot to {@code sink}; restic authenticates every block it reads. */
    void dump(String snapshot, String path, OutputStream sink) {
        Proc.Result result = Proc.runTo(command(List.of("dump", snapshot, path)), env(), sink,
            timeout);
        check(result, "reading " + path + " from the backup");
    }

    void restore(String snapshot, Path into) {
        check(exec(List.of("restore", snapshot, "--target", into.toString()), null, null),
            "restoring the files");
    }

    /** Checks the repository's structure, and with {@code readData} every stored byte. */
    void verifyRepository(boolean readData) {
        List<String> args = new ArrayList<>(List.of("check"));
        if (readData) {
            args.add("--read-data");
        }
        // A pack whose size differs from the index is damaged, not unlucky: restic would
        // still retry reading it for a minute or more, so the check stops at the first one.
        check(Proc.runUnless(command(args), env(), timeout,
            err -> err.contains("unexpected file size")), "checking the repository");
    }

    void forget(String tagFilter, RetentionPolicy policy) {
        check(exec(List.of("forget", "--tag", tagFilter, "--group-by", "host",
            "--keep-daily", String.valueOf(policy.daily()),
            "--keep-weekly", String.valueOf(policy.weekly()),
            "--keep-monthly", String.valueOf(policy.monthly())), null, null), "applying retention");
    }

    void forgetSnapshots(List<String> ids) {
        List<String> args = new ArrayList<>(List.of("forget"));
        args.addAll(ids);
        check(exec(args, null, null), "removing snapshots");
    }

    void prune() {
        check(exec(List.of("prune"), null, null), "pruning the repository");
    }

    void addTag(List<String> snapshotIds, String tag) {
        List<String> args = new ArrayList<>(List.of("tag", "--add", tag));
        args.addAll(snapshotIds);
        check(exec(args, null, null), "marking the backup");
    }

    private List<String> snapshotFlags(List<String> tags, Instant time) {
        return List.of("--host", HOST, "--tag", String.join(",", tags), "--time", TIME.format(time));
    }

    private Proc.Result exec(List<String> args, Path cwd, InputStream stdin) {
        return Proc.run(command(args), env(), cwd, stdin, timeout);
    }

    private List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of("restic", "--quiet"));
        if (target.cacheDir() == null) {
            command.add("--no-cache");
        } else {
            command.addAll(List.of("--cache-dir", target.cacheDir().toString()));
        }
        command.addAll(args);
        return command;
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(target.environment());
        env.put("RESTIC_REPOSITORY", target.repository());
        env.put("RESTIC_PASSWORD", target.password());
        env.put("TZ", "UTC");
        env.remove("RESTIC_PASSWORD_FILE");
        env.remove("RESTIC_PASSWORD_COMMAND");
        return env;
    }

    private Proc.Result check(Proc.Result result, String what) {
        if (!result.ok()) {
            throw Failures.fromRestic(what, target, result.err());
        }
        return result;
    }

    private static Summary summary(Proc.Result result) {
        for (String line : result.out().split("\n")) {
            if (line.contains("\"message_type\":\"summary\"")) {
                JsonNode node = read(line);
                return new Summary(node.get("snapshot_id").asText(),
                    node.path("total_bytes_processed").asLong(), node.path("data_added").asLong());
            }
        }
        throw new BackupException(BackupException.Reason.FAILED,
            "restic reported no snapshot: " + Failures.lastLine(result.out() + result.err()));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.FAILED, "unreadable restic output", e);
        }
    }
}
