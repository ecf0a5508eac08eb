package com.balcao.provisioner.driver;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.Refused;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * App builds the local driver can run, one per version: {@code <home>/releases/<v>/app.jar}.
 * A version names one build for good: installing another jar under a taken version is refused.
 */
public final class Releases {
    private final Path dir;

    public Releases(Path dir) {
        this.dir = dir;
    }

    public Path jar(String version) {
        return dir.resolve(version).resolve("app.jar");
    }

    public boolean has(String version) {
        return Files.isRegularFile(jar(version));
    }

    public void install(String version, Path source) {
        if (!Files.isRegularFile(source)) {
            throw new Refused("no app jar at " + source);
        }
        Path target = jar(version);
        if (has(version)) {
            if (!sha256(target).equals(sha256(source))) {
                throw new Refused("release " + version + " is already installed from another"
                    + " jar; pick a new version name");
            }
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            // A temporary file of its own: two creates may install the same release at once,
            // and the rename of either leaves the same complete jar.
            Path tmp = Files.createTempFile(target.getParent(), "app-", ".jar.tmp");
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new Failed("cannot install release " + version + ": " + e.getMessage(), e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
            MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new Failed("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
