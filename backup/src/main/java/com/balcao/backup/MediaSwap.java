package com.balcao.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Replaces the media folder with the checked, restored one (a move on one file system). */
final class MediaSwap {

    private MediaSwap() { }

    static void swap(Path restored, Path target) {
        Path old = target.resolveSibling(target.getFileName() + ".before-restore");
        try {
            BackupEngine.delete(old);
            if (Files.exists(target)) {
                Files.move(target, old);
            }
            try {
                Files.move(restored, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException crossDevice) {
                copy(restored, target);
            }
            BackupEngine.delete(old);
        } catch (IOException e) {
            throw Failures.fromIo("replacing the media folder " + target, e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path dest = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
