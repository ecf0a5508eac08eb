package com.balcao.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;

/**
 * Takes every DAO apart once, on the Jdbi itself. Each handle starts from a copy of the Jdbi's
 * extension metadata and keeps what it adds to its own copy, so a DAO the Jdbi never saw is
 * taken apart again, by reflection, on every handle that attaches it (every call of an
 * on-demand DAO opens one).
 */
final class DaoMetadata {
    private static final String ROOT = "com/balcao/app/";
    private static final String SUFFIX = "Dao.class";

    private DaoMetadata() {
    }

    static void prepare(Jdbi jdbi) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions.findFactory(SqlObjectFactory.class)
            .orElseThrow(() -> new IllegalStateException("The SqlObject plugin is not installed"));
        for (Class<?> dao : daos()) {
            extensions.findMetadata(dao, sqlObjects);
        }
    }

    /** The app's DAO interfaces, found where its classes are (a directory or the app jar). */
    static List<Class<?>> daos() {
        List<Class<?>> daos = new ArrayList<>();
        for (String name : classFiles()) {
            try {
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length())
                    .replace('/', '.'), false, DaoMetadata.class.getClassLoader());
                if (type.isInterface()) {
                    daos.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Cannot load " + name, e);
            }
        }
        return daos;
    }

    private static List<String> classFiles() {
        Path location;
        try {
            location = Path.of(DaoMetadata.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location.resolve(ROOT))) {
                    return files.map(file -> location.relativize(file).toString()
                        .replace('\\', '/')).filter(DaoMetadata::isDao).toList();
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return Collections.list(jar.entries()).stream().map(entry -> entry.getName())
                    .filter(DaoMetadata::isDao).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isDao(String name) {
        return name.startsWith(ROOT) && name.endsWith(SUFFIX) && !name.contains("$");
    }
}
