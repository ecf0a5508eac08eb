package com.balcao.app.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A fresh database on the real MariaDB/MySQL for one test class, migrated with the app's own
 * changelog. Settings come from TEST_DB_URL_BASE, TEST_DB_USER and TEST_DB_PASSWORD.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String BASE = env("TEST_DB_URL_BASE", "jdbc:mysql://127.0.0.1:3306/");
    private static final String PARAMS = "?connectionTimeZone=UTC"
        + "&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8"
        + "&connectionCollation=utf8mb4_unicode_ci&sslMode=DISABLED&allowPublicKeyRetrieval=true";
    public static final String USER = env("TEST_DB_USER", "balcao");
    public static final String PASSWORD = env("TEST_DB_PASSWORD", "balcao");

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** Creates and migrates a database named balcao_test_&lt;time&gt;_&lt;random&gt;. */
    public static TestDatabase createMigrated() {
        TestDatabase database = createEmpty();
        database.copyOf(migratedTemplate());
        return database;
    }

    private static TestDatabase template;

    /**
     * One database per test JVM migrated by Liquibase, which every test database copies:
     * copying the tables takes a fraction of a second, migrating them takes seconds.
     */
    private static synchronized TestDatabase migratedTemplate() {
        if (template == null) {
            TestDatabase migrated = createEmpty();
            migrated.migrate();
            migrated.close();
            template = migrated;
        }
        return template;
    }

    /** Creates every table of {@code source} here, with its rows (the changelog among them). */
    private void copyOf(TestDatabase source) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM "
                + "information_schema.tables WHERE table_schema = '" + source.name
                + "' AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                String create;
                try (ResultSet rows = statement.executeQuery("SHOW CREATE TABLE `" + source.name
                    + "`.`" + table + "`")) {
                    rows.next();
                    create = rows.getString(2);
                }
                statement.execute(create);
                statement.execute("INSERT INTO `" + table + "` SELECT * FROM `" + source.name
                    + "`.`" + table + "`");
            }
            statement.execute("SET FOREIGN_KEY_CHECKS = 1");
        } catch (SQLException e) {
            throw new IllegalStateException("Copying " + source.name + " into " + name
                + " failed", e);
        }
    }

    /** Creates an empty database, for tests that migrate it the way an operator would. */
    public static TestDatabase createEmpty() {
        String name = "balcao_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
            "yyyyMMddHHmmss")) + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(
            0x1000, 0xFFFF));
        TestDatabase database = new TestDatabase(name);
        database.execute("CREATE DATABASE " + name
            + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return database;
    }

    public String name() {
        return name;
    }

    /** The server's host, for configs that take host and port instead of a JDBC URL. */
    public static String host() {
        return server().getHost();
    }

    public static int port() {
        int port = server().getPort();
        return port == -1 ? 3306 : port;
    }

    private static URI server() {
        return URI.create(BASE.substring("jdbc:".length()));
    }

    public String url() {
        return BASE + name + PARAMS;
    }

    /** The URL of this database reached through another address, e.g. a {@link TcpProxy}. */
    public String urlVia(String host, int port) {
        return url().replaceFirst("//[^/]+/", "//" + host + ":" + port + "/");
    }

    /** The database server's host and port, from TEST_DB_URL_BASE. */
    public static String[] serverAddress() {
        String hostPort = BASE.replaceFirst("^jdbc:mysql://", "").replaceFirst("/.*$", "");
        String[] parts = hostPort.split(":");
        return new String[] {parts[0], parts.length > 1 ? parts[1] : "3306"};
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    private void migrate() {
        try (Connection connection = connect()) {
            Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase("migrations.xml",
                new ClassLoaderResourceAccessor(), database)) {
                liquibase.update(new Contexts());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Migrating " + name + " failed", e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(BASE + PARAMS, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test database server at " + BASE
                + " as " + USER + " (run ./test.sh, which creates that user): " + e.getMessage(), e);
        }
    }

    /**
     * Drops the database when the test JVM exits: a test class's own clean-up runs before the
     * app it started is stopped, and the app's workers must not find their tables gone.
     */
    @Override
    public void close() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::drop, "drop-" + name));
    }

    /** Drops the database now. */
    public void drop() {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
