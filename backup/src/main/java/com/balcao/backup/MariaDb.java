package com.balcao.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The database side, through Debian's {@code mariadb}/{@code mariadb-dump} clients (which also
 * talk to MySQL 8). The password goes in a private option file, never on a command line.
 */
final class MariaDb implements AutoCloseable {

    /** Row count and checksum of one table at one moment. */
    record Stat(long rows, String checksum) { }

    private final Database db;
    private final Path options;
    private final Duration timeout;

    MariaDb(Database db, Duration timeout) {
        this.db = db;
        this.timeout = timeout;
        try {
            options = Files.createTempFile("balcao-db-", ".cnf",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(options, "[client]\nuser=" + quote(db.user()) + "\npassword="
                + quote(db.password()) + "\nhost=" + db.host() + "\nport=" + db.port()
                + "\nprotocol=TCP\n");
        } catch (IOException e) {
            throw Failures.fromIo("preparing the database login", e);
        }
    }

    Database database() {
        return db;
    }

    /** The dump command: a consistent snapshot (no table lock), everything, in utf8mb4. */
    List<String> dumpCommand() {
        return List.of(tool("mariadb-dump", "mysqldump"), "--defaults-extra-file=" + options,
            "--single-transaction", "--quick", "--routines", "--events", "--triggers",
            "--hex-blob", "--default-character-set=utf8mb4", "--skip-dump-date", db.name());
    }

    List<String> tables(String database) {
        String out = query("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
            + database + "' AND table_type = 'BASE TABLE' ORDER BY table_name");
        return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
    }

    /** Row count and {@code CHECKSUM TABLE} of every table of {@code database}. */
    Map<String, Stat> stats(String database) {
        List<String> tables = tables(database);
        Map<String, Stat> stats = new LinkedHashMap<>();
        if (tables.isEmpty()) {
            return stats;
        }
        String counts = tables.stream()
            .map(t -> "SELECT '" + t + "', COUNT(*) FROM " + name(database, t))
            .collect(Collectors.joining(" UNION ALL "));
        String checksums = "CHECKSUM TABLE " + tables.stream().map(t -> name(database, t))
            .collect(Collectors.joining(", "));
        // one client run for both: the first lines are the counts, the rest the checksums
        String[] lines = query(counts + "; " + checksums).strip().split("\n");
        Map<String, Long> rows = new LinkedHashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            String[] cols = lines[i].split("\t");
            rows.put(cols[0], Long.parseLong(cols[1]));
        }
        for (int i = tables.size(); i < lines.length; i++) {
            String[] cols = lines[i].split("\t");
            String table = cols[0].substring(cols[0].indexOf('.') + 1);
            stats.put(table, new Stat(rows.getOrDefault(table, 0L), cols[1]));
        }
        return stats;
    }

    void recreate(String database) {
        execute("DROP DATABASE IF EXISTS `" + database + "`; CREATE DATABASE `" + database
            + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    void drop(String database) {
        execute("DROP DATABASE IF EXISTS `" + database + "`");
    }

    /** Loads a dump file into {@code database}. */
    void load(Path dump, String database) {
        try (InputStream in = Files.newInputStream(dump)) {
            Proc.Result result = Proc.run(List.of(tool("mariadb", "mysql"),
                "--defaults-extra-file=" + options, "--default-character-set=utf8mb4",
                "--binary-mode", database), Map.of(), null, in, timeout);
            if (!result.ok()) {
                throw Failures.fromDatabase("loading the dump", result.err());
            }
        } catch (IOException e) {
            throw Failures.fromIo("reading the dump", e);
        }
    }

    void execute(String sql) {
        query(sql);
    }

    /** Runs statements with {@code database} as the default one. */
    void execute(String database, String sql) {
        run(List.of("-e", sql, database), "running the restore's statements in " + database);
    }

    String query(String sql) {
        return run(List.of("-e", sql), "querying " + db);
    }

    private String run(List<String> args, String what) {
        List<String> command = new ArrayList<>(List.of(tool("mariadb", "mysql"),
            "--defaults-extra-file=" + options, "--default-character-set=utf8mb4", "-N", "-B"));
        command.addAll(args);
        Proc.Result result = Proc.run(command, Map.of(), null, null, timeout);
        if (!result.ok()) {
            throw Failures.fromDatabase(what, result.err());
        }
        return result.out();
    }

    static String name(String database, String table) {
        return "`" + database + "`.`" + table.replace("`", "``") + "`";
    }

    private static String tool(String preferred, String fallback) {
        for (String dir : List.of("/usr/bin/", "/usr/local/bin/", "/bin/")) {
            if (Files.isExecutable(Path.of(dir + preferred))) {
                return dir + preferred;
            }
        }
        return fallback;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(options);
        } catch (IOException ignored) {
            // a temp file only readable by us; the OS cleans /tmp
        }
    }
}
