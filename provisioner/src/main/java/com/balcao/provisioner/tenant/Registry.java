package com.balcao.provisioner.tenant;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.Refused;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The tenants of one home directory: {@code <home>/<slug>/tenant.json} plus that tenant's
 * files. Destroyed tenants leave their final backup under {@code <home>/.archive/}.
 */
public final class Registry {
    public static final String FILE = "tenant.json";
    private final Path home;
    private final ObjectMapper json = json();

    public Registry(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    public static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public Path home() {
        return home;
    }

    public Path dir(String slug) {
        return home.resolve(slug);
    }

    public Path archive() {
        return home.resolve(".archive");
    }

    public Path releases() {
        return home.resolve("releases");
    }

    public Optional<Tenant> find(String slug) {
        return read(dir(slug).resolve(FILE));
    }

    public Tenant get(String slug) {
        return find(Names.slug(slug)).orElseThrow(() -> new Refused("no tenant '" + slug
            + "' in " + home));
    }

    public List<Tenant> all() {
        if (!Files.isDirectory(home)) {
            return List.of();
        }
        List<Tenant> tenants = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(home)) {
            dirs.filter(d -> !d.getFileName().toString().startsWith("."))
                .map(d -> d.resolve(FILE)).forEach(f -> read(f).ifPresent(tenants::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tenants.sort(Comparator.comparing(t -> t.slug));
        return tenants;
    }

    /** Runs a read-then-write of the registry while no other CLI process does one. */
    public void locked(Runnable action) {
        // A file lock is held per JVM, so threads of one JVM queue on the class first.
        synchronized (Registry.class) {
            try {
                Files.createDirectories(home);
                try (FileChannel channel = FileChannel.open(home.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock lock = channel.lock()) {
                    action.run();
                }
            } catch (IOException e) {
                throw new Failed("cannot lock " + home + ": " + e.getMessage(), e);
            }
        }
    }

    /** Written to a temporary file and moved, so a crash never leaves half a registry entry. */
    public void save(Tenant tenant) {
        Path file = dir(tenant.slug).resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            json.writeValue(tmp.toFile(), tenant);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new Failed("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<Tenant> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), Tenant.class));
        } catch (IOException e) {
            throw new Failed("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
