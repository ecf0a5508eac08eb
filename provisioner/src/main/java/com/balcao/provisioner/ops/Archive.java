package com.balcao.provisioner.ops;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.tenant.Registry;
import com.balcao.provisioner.tenant.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a destroyed tenant leaves: its backup repository with the keys to read it and its
 * registry entry, under {@code <home>/.archive/<slug>/}, so {@code restore} can bring it back.
 */
public final class Archive {
    /** Copied back on restore; the backup repository is moved. */
    private static final List<String> KEPT = List.of(Registry.FILE, ".env", "secrets");
    private final Registry registry;

    public Archive(Registry registry) {
        this.registry = registry;
    }

    public Path dir(String slug) {
        return registry.archive().resolve(slug);
    }

    public Optional<Tenant> find(String slug) {
        return registry.read(dir(slug).resolve(Registry.FILE));
    }

    /** Moves the backups and copies the keys out of the tenant's folder. */
    public Path keep(Tenant t) {
        Path target = dir(t.slug);
        try {
            Files.createDirectories(registry.archive(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
            if (Files.exists(target)) {
                Files.move(target, target.resolveSibling(t.slug + "-"
                    + Instant.now().toString().replace(':', '-')));
            }
            Files.createDirectories(target);
            Path source = registry.dir(t.slug);
            for (String name : KEPT) {
                copy(source.resolve(name), target.resolve(name));
            }
            if (Files.exists(source.resolve("backups"))) {
                Files.move(source.resolve("backups"), target.resolve("backups"));
            }
            return target;
        } catch (IOException e) {
            throw new Failed("cannot archive " + t.slug + ": " + e.getMessage(), e);
        }
    }

    /** Puts an archived tenant's files back in place; the archive stays until it is up. */
    public Tenant bringBack(String slug) {
        Path source = dir(slug);
        Path target = registry.dir(slug);
        try {
            Files.createDirectories(target);
            for (String name : KEPT) {
                copy(source.resolve(name), target.resolve(name));
            }
            if (Files.exists(source.resolve("backups"))) {
                copy(source.resolve("backups"), target.resolve("backups"));
            }
        } catch (IOException e) {
            throw new Failed("cannot restore the files of " + slug + ": " + e.getMessage(), e);
        }
        return registry.get(slug);
    }

    public void forget(String slug) {
        delete(dir(slug));
    }

    /** Removes a folder tree (a tenant's files once it is archived). */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new Failed("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
