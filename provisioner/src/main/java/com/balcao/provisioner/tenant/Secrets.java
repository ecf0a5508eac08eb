package com.balcao.provisioner.tenant;

import com.balcao.provisioner.Failed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's generated secrets, one file each under {@code <tenant>/secrets/} (directory 0700,
 * files 0600). Letters and digits only, so no shell, YAML or compose file ever interprets them.
 */
public final class Secrets {
    /** Every secret a tenant gets, generated at create and replaced by rotate-secrets. */
    public static final List<String> GENERATED = List.of("DB_PASSWORD", "MYSQL_ROOT_PASSWORD",
        "REDIS_PASSWORD", "JWT_SECRET", "CREDENTIALS_KEY", "WHATSAPP_VERIFY_TOKEN",
        "BACKUP_PASSWORD");
    /** Rotating these would lock data out (encrypted credentials, existing backups). */
    public static final List<String> KEPT_ON_ROTATE = List.of("CREDENTIALS_KEY",
        "BACKUP_PASSWORD");
    private static final String ALPHABET =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path dir;

    public Secrets(Path tenantDir) {
        this.dir = tenantDir.resolve("secrets");
    }

    /** A fresh value of the right shape for that secret. */
    public static String generate(String name) {
        if (name.equals("CREDENTIALS_KEY")) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** Creates what is missing and keeps what exists, so a resumed create reuses its secrets. */
    public Map<String, String> ensure() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String name : GENERATED) {
            all.put(name, has(name) ? get(name) : put(name, generate(name)));
        }
        return all;
    }

    public boolean has(String name) {
        return Files.isRegularFile(dir.resolve(name));
    }

    public String get(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new Failed("cannot read secret " + name + ": " + e.getMessage(), e);
        }
    }

    public Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String name : GENERATED) {
            if (has(name)) {
                all.put(name, get(name));
            }
        }
        if (has("WHATSAPP_APP_SECRET")) {
            all.put("WHATSAPP_APP_SECRET", get("WHATSAPP_APP_SECRET"));
        }
        return all;
    }

    public String put(String name, String value) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            writePrivate(dir.resolve(name), value + "\n");
            return value;
        } catch (IOException e) {
            throw new Failed("cannot write secret " + name + ": " + e.getMessage(), e);
        }
    }

    /** Writes a file that only its owner may read, with no moment where others could. */
    public static void writePrivate(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
