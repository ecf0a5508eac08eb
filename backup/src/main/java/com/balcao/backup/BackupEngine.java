package com.balcao.backup;

import com.balcao.backup.BackupException.Reason;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Backs a tenant up into a restic repository, checks and restores it, and applies retention.
 *
 * <p>A backup is two restic snapshots sharing an id tag: the database dump (streamed from
 * {@code mariadb-dump} into {@code restic backup --stdin}) and the files (manifest, non-secret
 * configuration, media folder). Thread-safe; each call runs the tools it needs.
 */
public final class BackupEngine {

    private final Restic restic;
    private final Path workDir;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * @param workDir where backups are read back for checks (needs room for one dump and the
     *     media); use a folder on the media's file system so a restore can move, not copy
     * @param timeout the longest any single tool may run
     */
    public BackupEngine(BackupTarget target, Path workDir, Duration timeout) {
        this.restic = new Restic(target, timeout);
        this.workDir = workDir;
        this.timeout = timeout;
    }

    public BackupEngine(BackupTarget target, Path workDir) {
        this(target, workDir, Duration.ofHours(6));
    }

    /** Creates the repository if the target has none; fails clearly on a wrong key. */
    public void init() {
        restic.ensureRepository();
    }

    /**
     * Takes a backup: a consistent dump, the media folder, the config and the manifest.
     *
     * @param time the snapshots' time (retention counts days by it)
     * @param labels free tags such as {@code nightly}, {@code manual}, {@code pre-upgrade}
     */
    public BackupResult backup(BackupSource source, Instant time, List<String> labels,
                               Progress progress) {
        long started = System.nanoTime();
        progress.on(Progress.Step.CHECK, "opening the repository");
        restic.ensureRepository();
        String id = BackupIds.next(time);
        try (MariaDb db = new MariaDb(source.database(), timeout)) {
            Map<String, MariaDb.Stat> before = db.stats(source.database().name());
            progress.on(Progress.Step.DUMP, "dumping " + before.size() + " tables");
            DumpedDatabase dumped = DumpedDatabase.take(db, restic, id, time, labels, progress);
            Map<String, MariaDb.Stat> after = db.stats(source.database().name());
            progress.on(Progress.Step.FILES, "hashing the media folder");
            Manifest manifest = ManifestWriter.manifest(id, time, source, dumped, before, after);
            Restic.Summary files;
            try {
                files = ManifestWriter.store(restic, json, workDir, source, manifest,
                    Snapshots.tags(id, Snapshots.FILES, labels), time, progress);
            } catch (RuntimeException e) {
                try {
                    restic.forgetSnapshots(List.of(dumped.summary().snapshotId()));
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup); // a half backup is never listed anyway
                }
                throw e;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            progress.on(Progress.Step.DONE, "backup " + id + " in " + took.toSeconds() + " s");
            return new BackupResult(id, dumped.summary().snapshotId(), time, time.plus(took),
                dumped.summary().bytesProcessed() + files.bytesProcessed(),
                dumped.summary().bytesAdded() + files.bytesAdded(), manifest);
        }
    }

    /** The complete backups in the repository, newest first. */
    public List<BackupInfo> list() {
        return pairs().stream().map(Snapshots::info).toList();
    }

    /** The manifest stored with a backup. */
    public Manifest manifest(String id) {
        Path work = scratchFolder(id);
        try {
            return Extracted.read(restic, pair(id), work, json, Progress.NONE).manifest;
        } finally {
            delete(work);
        }
    }

    /**
     * Restores a backup into a scratch database and folder, compares them with the manifest,
     * drops them, and marks the backup verified when they matched.
     *
     * @param scratch a database the login may create and drop (never the tenant's own)
     * @param readAllData also read every byte of the repository ({@code check --read-data})
     */
    public VerifyReport verify(String id, Database scratch, boolean readAllData,
                               Progress progress) {
        long started = System.nanoTime();
        Snapshots.Pair pair = pair(id);
        Path work = scratchFolder(id);
        try (MariaDb db = new MariaDb(scratch, timeout)) {
            progress.on(Progress.Step.CHECK, "checking the repository");
            restic.verifyRepository(readAllData);
            Extracted extracted = Extracted.read(restic, pair, work, json, progress);
            List<String> problems = load(db, extracted, scratch.name(), progress);
            progress.on(Progress.Step.CLEANUP, "dropping the scratch copies");
            db.drop(scratch.name());
            if (problems.isEmpty()) {
                restic.addTag(List.of(pair.files()),
                    Snapshots.verifiedTag(Instant.now()));
            }
            progress.on(Progress.Step.DONE, problems.isEmpty() ? "verified" : "differences found");
            return new VerifyReport(pair.id(), problems, approximate(extracted.manifest),
                extracted.manifest, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            delete(work);
        }
    }

    /**
     * Replaces a database and media folder with a backup. The repository is checked and the
     * backup loaded into the scratch database and compared with its manifest first; a damaged
     * or truncated backup is refused before the target is touched. The backup's own restore
     * statements then run on that copy, and the database switches in one atomic rename; the
     * media folder by moving folders.
     */
    public VerifyReport restore(String id, RestoreTarget target, Progress progress) {
        long started = System.nanoTime();
        Snapshots.Pair pair = pair(id);
        Path work = target.mediaDir().toAbsolutePath().getParent()
            .resolve(".restore-" + id);
        try (MariaDb db = new MariaDb(target.database(), timeout)) {
            progress.on(Progress.Step.CHECK, "checking the repository");
            restic.verifyRepository(false);
            Extracted extracted = Extracted.read(restic, pair, work, json, progress);
            List<String> problems = load(db, extracted, target.scratchDatabase(), progress);
            if (!problems.isEmpty()) {
                db.drop(target.scratchDatabase());
                throw new BackupException(Reason.MISMATCH, "backup " + pair.id()
                    + " does not load as written, nothing restored: " + String.join("; ", problems));
            }
            settle(db, extracted.manifest, target.scratchDatabase(), progress);
            progress.on(Progress.Step.SWAP, "switching the database to the restored copy");
            DatabaseSwap.swap(db, target);
            progress.on(Progress.Step.SWAP, "switching the media folder");
            MediaSwap.swap(extracted.media, target.mediaDir());
            progress.on(Progress.Step.DONE, "restored " + pair.id());
            return new VerifyReport(pair.id(), List.of(), approximate(extracted.manifest),
                extracted.manifest, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            delete(work);
        }
    }

    /** Checks the repository; with {@code readAllData} every stored byte is read and checked. */
    public void check(boolean readAllData) {
        restic.verifyRepository(readAllData);
    }

    /** Applies the retention policy (both snapshots of a backup go together) and prunes. */
    public List<BackupInfo> forget(RetentionPolicy policy, Progress progress) {
        progress.on(Progress.Step.FORGET, "applying retention");
        restic.forget(Snapshots.ALL + "," + Snapshots.DATABASE, policy);
        restic.forget(Snapshots.ALL + "," + Snapshots.FILES, policy);
        restic.prune();
        return list();
    }

    private List<String> load(MariaDb db, Extracted extracted, String scratchName,
                              Progress progress) {
        progress.on(Progress.Step.LOAD, "loading the dump into " + scratchName);
        db.recreate(scratchName);
        db.load(extracted.dump, scratchName);
        progress.on(Progress.Step.COMPARE, "comparing tables with the manifest");
        return Extracted.compareTables(extracted.manifest, db.stats(scratchName));
    }

    /** Runs the backup's own statements on the checked copy, before anyone can see it. */
    private static void settle(MariaDb db, Manifest manifest, String scratchName,
                               Progress progress) {
        if (manifest.onRestore().isBlank()) {
            return;
        }
        progress.on(Progress.Step.LOAD, "settling what was pending when the backup was taken");
        try {
            db.execute(scratchName, manifest.onRestore());
        } catch (BackupException e) {
            db.drop(scratchName);
            throw e;
        }
    }

    private List<Snapshots.Pair> pairs() {
        restic.probe();
        return Snapshots.pairs(restic.snapshots(Snapshots.ALL));
    }

    /** A backup by its id, by its database snapshot's id (or an 8+ character prefix), or
     * {@code latest}. */
    private Snapshots.Pair pair(String id) {
        List<Snapshots.Pair> pairs = pairs();
        if ("latest".equals(id)) {
            return pairs.stream().findFirst()
                .orElseThrow(() -> new BackupException(Reason.NOT_FOUND, "no backup yet"));
        }
        return pairs.stream().filter(p -> p.id().equals(id)
                || id.length() >= 8 && p.database().startsWith(id)).findFirst()
            .orElseThrow(() -> new BackupException(Reason.NOT_FOUND, "no backup " + id));
    }

    private static List<String> approximate(Manifest manifest) {
        return manifest.tables().stream().filter(t -> !t.stable()).map(Manifest.TableStat::name)
            .toList();
    }

    private Path scratchFolder(String id) {
        return workDir.resolve("verify-" + id + "-" + System.nanoTime());
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Left-overs in a work folder are harmless; the next run uses a new name.
        }
    }
}
