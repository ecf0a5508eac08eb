package com.balcao.backup;

import com.balcao.backup.Manifest.MediaFile;
import com.balcao.backup.Manifest.MediaStat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 of every regular file under a folder, and one hash over all of them. */
final class MediaHashes {

    private MediaHashes() { }

    static MediaStat of(Path folder) {
        List<MediaFile> files = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String relative = folder.relativize(file).toString().replace('\\', '/');
                    files.add(new MediaFile(relative, Files.size(file), hash(file)));
                }
            } catch (IOException e) {
                throw Failures.fromIo("reading the media folder", e);
            }
        }
        return summarize(files);
    }

    /** The total over these entries (sorted by path), so a subset can be checked on its own. */
    static MediaStat summarize(List<MediaFile> entries) {
        MessageDigest total = sha256();
        long bytes = 0;
        List<MediaFile> sorted = entries.stream()
            .sorted((a, b) -> a.path().compareTo(b.path())).toList();
        for (MediaFile file : sorted) {
            total.update((file.path() + "\t" + file.size() + "\t" + file.sha256() + "\n")
                .getBytes(StandardCharsets.UTF_8));
            bytes += file.size();
        }
        return new MediaStat(sorted.size(), bytes, HexFormat.of().formatHex(total.digest()), sorted);
    }

    static String hash(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[256 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
