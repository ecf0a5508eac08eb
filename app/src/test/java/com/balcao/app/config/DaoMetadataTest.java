package com.balcao.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;

class DaoMetadataTest {

    @Test
    void everyInterfaceWithStatementsIsFoundAsADao() throws Exception {
        Path classes = Path.of(DaoMetadata.class.getProtectionDomain().getCodeSource()
            .getLocation().toURI());
        List<String> withStatements;
        try (Stream<Path> files = Files.walk(classes)) {
            withStatements = files.map(f -> classes.relativize(f).toString())
                .filter(name -> name.endsWith(".class"))
                .map(name -> name.substring(0, name.length() - 6).replace('/', '.'))
                .map(DaoMetadataTest::load)
                .filter(type -> type.isInterface() && Arrays.stream(type.getDeclaredMethods())
                    .anyMatch(DaoMetadataTest::runsSql))
                .map(Class::getName).toList();
        }

        assertThat(withStatements).hasSizeGreaterThan(30);
        assertThat(DaoMetadata.daos()).extracting(Class::getName)
            .containsExactlyInAnyOrderElementsOf(withStatements);
    }

    private static boolean runsSql(Method method) {
        return method.isAnnotationPresent(SqlQuery.class)
            || method.isAnnotationPresent(SqlUpdate.class)
            || method.isAnnotationPresent(SqlBatch.class);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DaoMetadataTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
