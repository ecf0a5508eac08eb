package com.balcao.backup;

import com.balcao.backup.Manifest.MediaFile;
import com.balcao.backup.Manifest.MediaStat;
import com.balcao.backup.Manifest.TableStat;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A backup read back out of the repository into a work folder and checked against its
 * manifest: the dump's hash and every media file. Nothing outside the work folder is touched
 * until this succeeded.
 */
final class Extracted {

    final Manifest manifest;
    final Path dump;
    final Path media;

    private Extracted(Manifest manifest, Path dump, Path media) {
        this.manifest = manifest;
        this.dump = dump;
        this.media = media;
    }

    static Extracted read(Restic restic, Snapshots.Pair pair, Path work, ObjectMapper json,
                          Progress progress) {
        try {
            Files.createDirectories(work);
            progress.on(Progress.Step.EXTRACT, "reading the manifest");
            Path manifestFile = work.resolve("manifest.json");
            try (OutputStream out = Files.newOutputStream(manifestFile)) {
                restic.dump(pair.files(), "/manifest.json", out);
            }
            Manifest manifest = json.readValue(manifestFile.toFile(), Manifest.class);

            progress.on(Progress.Step.EXTRACT, "reading the database dump");
            Path dump = work.resolve("database.sql");
            MessageDigest digest = MediaHashes.sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(dump), digest)) {
                restic.dump(pair.database(), "/database.sql", out);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            if (!sha.equals(manifest.dumpSha256()) || Files.size(dump) != manifest.dumpBytes()) {
                throw new BackupException(BackupException.Reason.CORRUPT, "backup " + pair.id()
                    + ": the stored dump differs from the one written (truncated or altered)");
            }

            progress.on(Progress.Step.EXTRACT, "restoring " + manifest.media().files() + " files");
            Path files = work.resolve("files");
            restic.restore(pair.files(), files);
            Path media = files.resolve(manifest.mediaFolder());
            List<String> problems = compareMedia(manifest.media(), MediaHashes.of(media));
            if (!problems.isEmpty()) {
                throw new BackupException(BackupException.Reason.CORRUPT, "backup " + pair.id()
                    + ": media differ from the manifest: " + String.join("; ", problems));
            }
            return new Extracted(manifest, dump, media);
        } catch (IOException e) {
            throw Failures.fromIo("extracting backup " + pair.id(), e);
        }
    }

    /** Files added to the folder while the backup ran may be there too; none may be missing. */
    static List<String> compareMedia(MediaStat expected, MediaStat actual) {
        Map<String, MediaFile> found = actual.entries().stream()
            .collect(Collectors.toMap(MediaFile::path, Function.identity()));
        List<String> problems = new ArrayList<>();
        List<MediaFile> matched = new ArrayList<>();
        for (MediaFile file : expected.entries()) {
            MediaFile copy = found.get(file.path());
            if (copy == null) {
                problems.add("missing " + file.path());
            } else if (!copy.sha256().equals(file.sha256()) || copy.size() != file.size()) {
                problems.add("different " + file.path());
            } else {
                matched.add(copy);
            }
        }
        if (problems.isEmpty() && !MediaHashes.summarize(matched).sha256().equals(expected.sha256())) {
            problems.add("total media hash differs");
        }
        return problems;
    }

    /** Compares a loaded database with the manifest's tables. */
    static List<String> compareTables(Manifest manifest, Map<String, MariaDb.Stat> loaded) {
        List<String> problems = new ArrayList<>();
        for (TableStat table : manifest.tables()) {
            MariaDb.Stat stat = loaded.get(table.name());
            if (stat == null) {
                problems.add("table " + table.name() + " is missing");
            } else if (table.stable()) {
                if (stat.rows() != table.rows()) {
                    problems.add("table " + table.name() + ": " + stat.rows() + " rows, expected "
                        + table.rows());
                } else if (!stat.checksum().equals(table.checksum())) {
                    problems.add("table " + table.name() + ": checksum differs");
                }
            } else {
                long low = Math.min(table.rows(), table.rowsAfter());
                long high = Math.max(table.rows(), table.rowsAfter());
                if (stat.rows() < low || stat.rows() > high) {
                    problems.add("table " + table.name() + ": " + stat.rows()
                        + " rows, expected between " + low + " and " + high);
                }
            }
        }
        return problems;
    }
}
