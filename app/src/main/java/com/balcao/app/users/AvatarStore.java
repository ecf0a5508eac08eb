package com.balcao.app.users;

import com.balcao.app.auth.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Profile pictures on the tenant's data volume. The type is decided from the file's first
 * bytes, never from its name or the browser's claim, and anything over the size limit is
 * refused before it is kept.
 */
public final class AvatarStore {
    public static final int MAX_BYTES = 1024 * 1024;
    private final Path folder;

    public AvatarStore(Path dataDir) {
        this.folder = dataDir.resolve("avatars");
    }

    /** A stored picture's bytes and type. */
    public record Image(byte[] bytes, String mediaType) {
    }

    /** An accepted image type, recognised by its signature. */
    enum Kind {
        PNG("png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
        JPEG("jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        GIF("gif", "image/gif", new byte[] {'G', 'I', 'F', '8'}),
        WEBP("webp", "image/webp", new byte[] {'R', 'I', 'F', 'F'});

        final String extension;
        final String mediaType;
        final byte[] signature;

        Kind(String extension, String mediaType, byte[] signature) {
            this.extension = extension;
            this.mediaType = mediaType;
            this.signature = signature;
        }

        static Optional<Kind> of(byte[] bytes) {
            return Arrays.stream(values()).filter(kind -> kind.matches(bytes)).findFirst();
        }

        private boolean matches(byte[] bytes) {
            if (bytes.length < 12 || !Arrays.equals(bytes, 0, signature.length, signature, 0,
                signature.length)) {
                return false;
            }
            return this != WEBP || new String(bytes, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("WEBP");
        }

        static Optional<Kind> ofFile(String name) {
            return Arrays.stream(values()).filter(kind -> name.endsWith("." + kind.extension))
                .findFirst();
        }
    }

    /** Why an upload was refused. */
    public enum Problem { TOO_LARGE, NOT_AN_IMAGE }

    /** Reads at most the limit; returns the stored file name, or the problem. */
    public Object save(long userId, InputStream upload) throws IOException {
        byte[] bytes = upload.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return Problem.TOO_LARGE;
        }
        Optional<Kind> kind = Kind.of(bytes);
        if (kind.isEmpty()) {
            return Problem.NOT_AN_IMAGE;
        }
        Files.createDirectories(folder);
        String name = userId + "-" + Tokens.random(9) + "." + kind.get().extension;
        Path temporary = Files.createTempFile(folder, "upload", ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return name;
    }

    public Optional<Image> read(String name) throws IOException {
        if (name == null || !name.matches("[0-9]+-[A-Za-z0-9_-]+\\.[a-z]+")) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        Optional<Kind> kind = Kind.ofFile(name);
        if (!Files.isRegularFile(file) || kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Image(Files.readAllBytes(file), kind.get().mediaType));
    }

    public void delete(String name) throws IOException {
        if (name != null && name.matches("[0-9]+-[A-Za-z0-9_-]+\\.[a-z]+")) {
            Files.deleteIfExists(folder.resolve(name));
        }
    }
}
