package com.balcao.backup;

import com.balcao.backup.Manifest.TableStat;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the manifest and stores it with the config and media as the files snapshot. */
final class ManifestWriter {

    private ManifestWriter() { }

    static Manifest manifest(String id, Instant time, BackupSource source, DumpedDatabase dumped,
                             Map<String, MariaDb.Stat> before, Map<String, MariaDb.Stat> after) {
        List<TableStat> tables = new ArrayList<>();
        before.forEach((name, stat) -> {
            MariaDb.Stat later = after.getOrDefault(name, stat);
            boolean stable = later.equals(stat);
            tables.add(new TableStat(name, stat.rows(), later.rows(), stat.checksum(), stable));
        });
        Path media = source.mediaDir().toAbsolutePath().normalize();
        // restic keeps an absolute target under its full path and a relative one at the root
        String folder = Files.isDirectory(media) ? media.toString().substring(1) : "media";
        return new Manifest(Manifest.FORMAT, id, time, source.appVersion(), source.schemaVersion(),
            source.database().name(), dumped.sha256(), dumped.bytes(), tables,
            MediaHashes.of(media), folder, source.onRestore());
    }

    static Restic.Summary store(Restic restic, ObjectMapper json, Path workDir,
                                BackupSource source, Manifest manifest, List<String> tags,
                                Instant time, Progress progress) {
        Path stage = workDir.resolve("stage-" + manifest.backupId());
        try {
            Files.createDirectories(stage);
            json.writerWithDefaultPrettyPrinter()
                .writeValue(stage.resolve("manifest.json").toFile(), manifest);
            json.writerWithDefaultPrettyPrinter()
                .writeValue(stage.resolve("config.json").toFile(), new TreeMap<>(source.config()));
            Path media = source.mediaDir().toAbsolutePath().normalize();
            String mediaPath;
            if (Files.isDirectory(media)) {
                mediaPath = media.toString();
            } else {
                Files.createDirectories(stage.resolve("media"));
                mediaPath = "media";
            }
            progress.on(Progress.Step.FILES, "storing " + manifest.media().files()
                + " media files (" + (manifest.media().bytes() >> 20) + " MB)");
            return restic.backupFiles(stage, List.of("manifest.json", "config.json", mediaPath),
                tags, time);
        } catch (IOException e) {
            throw Failures.fromIo("writing the manifest", e);
        } finally {
            BackupEngine.delete(stage);
        }
    }
}
