package com.balcao.backup;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A throw-away database on the real MariaDB/MySQL (TEST_DB_URL_BASE, TEST_DB_USER/PASSWORD). */
final class TestDb implements AutoCloseable {
    private static final String BASE = env("TEST_DB_URL_BASE", "jdbc:mysql://127.0.0.1:3306/");
    private static final String PARAMS = "?connectionTimeZone=UTC"
        + "&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8"
        + "&connectionCollation=utf8mb4_unicode_ci&sslMode=DISABLED&allowPublicKeyRetrieval=true"
        + "&allowMultiQueries=true";
    static final String USER = env("TEST_DB_USER", "balcao");
    static final String PASSWORD = env("TEST_DB_PASSWORD", "balcao");

    final String name;

    TestDb() {
        name = "balcao_test_bk_" + Integer.toHexString(
            ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        exec(null, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    Database database() {
        URI uri = URI.create(BASE.substring("jdbc:".length()));
        return new Database(uri.getHost(), uri.getPort() == -1 ? 3306 : uri.getPort(), USER,
            PASSWORD, name);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(BASE + name + PARAMS, USER, PASSWORD);
    }

    void exec(String sql) {
        exec(name, sql);
    }

    private static void exec(String db, String sql) {
        String url = BASE + (db == null ? "" : db) + PARAMS;
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every row of a query as strings (binary columns as hex), to compare byte for byte. */
    List<List<String>> rows(String sql) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        exec(null, "DROP DATABASE IF EXISTS " + name);
        exec(null, "DROP DATABASE IF EXISTS " + name + "_scratch");
        exec(null, "DROP DATABASE IF EXISTS " + name + "_scratch_old");
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
