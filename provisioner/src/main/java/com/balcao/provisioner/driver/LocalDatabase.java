package com.balcao.provisioner.driver;

import com.balcao.provisioner.Failed;
import com.balcao.provisioner.tenant.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local MariaDB/MySQL, administered as root through the {@code mariadb} client over the
 * unix socket (Debian's default root login); with DB_ROOT_PASSWORD set, over TCP instead. Each
 * tenant gets one database and one user granted that database only.
 */
final class LocalDatabase {
    private final String host = System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
    private final String port = System.getenv().getOrDefault("DB_PORT", "3306");
    private final String rootPassword = System.getenv("DB_ROOT_PASSWORD");

    String host() {
        return host;
    }

    String port() {
        return port;
    }

    static String database(Tenant t) {
        return "balcao_" + t.identifier();
    }

    /**
     * Where backups are verified and restores staged (with {@code <scratch>_old} for the tables
     * a restore replaces); "__" never occurs in a tenant's own name (no "--" slugs).
     */
    static String scratch(Tenant t) {
        return database(t) + "__scratch";
    }

    static String user(Tenant t) {
        return "t_" + t.identifier();
    }

    /** Creates the database and user, or sets the user's password when they exist. */
    void create(Tenant t, String password) {
        StringBuilder sql = new StringBuilder("CREATE DATABASE IF NOT EXISTS `" + database(t)
            + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
        for (String h : List.of("127.0.0.1", "localhost")) {
            String account = "'" + user(t) + "'@'" + h + "'";
            sql.append("CREATE USER IF NOT EXISTS ").append(account).append(" IDENTIFIED BY '")
                .append(password).append("';");
            sql.append("ALTER USER ").append(account).append(" IDENTIFIED BY '").append(password)
                .append("';");
            for (String db : List.of(database(t), scratch(t), scratch(t) + "_old")) {
                // In GRANT, _ is a wildcard: escaped, the grant covers this one database only.
                sql.append("GRANT ALL PRIVILEGES ON `").append(db.replace("_", "\\_"))
                    .append("`.* TO ").append(account).append(";");
            }
        }
        sql("create database " + database(t), sql.toString());
    }

    void drop(Tenant t) {
        StringBuilder sql = new StringBuilder("DROP DATABASE IF EXISTS `" + database(t) + "`;"
            + "DROP DATABASE IF EXISTS `" + scratch(t) + "`;"
            + "DROP DATABASE IF EXISTS `" + scratch(t) + "_old`;");
        for (String h : List.of("127.0.0.1", "localhost")) {
            sql.append("DROP USER IF EXISTS '").append(user(t)).append("'@'").append(h)
                .append("';");
        }
        sql("drop database " + database(t), sql.toString());
    }

    boolean answers() {
        return Processes.onPath("mariadb") && client("mariadb", List.of("-e", "SELECT 1"), null)
            .ok();
    }

    void dump(Tenant t, Path file) {
        Driver.AppRun run = client("mariadb-dump", List.of("--single-transaction", "--quick",
            "--routines", "--events", "--triggers", "--hex-blob",
            "--default-character-set=utf8mb4", "--result-file=" + file, database(t)), null);
        if (!run.ok()) {
            throw new Failed("database dump failed: " + run.tail());
        }
    }

    /** Replaces the tenant's database with the dump's content. */
    void load(Tenant t, Path file) {
        sql("recreate database " + database(t), "DROP DATABASE IF EXISTS `" + database(t)
            + "`; CREATE DATABASE `" + database(t)
            + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
        try {
            Driver.AppRun run = client("mariadb", List.of("--default-character-set=utf8mb4",
                database(t)), Files.readString(file));
            if (!run.ok()) {
                throw new Failed("database restore failed: " + run.tail());
            }
        } catch (java.io.IOException e) {
            throw new Failed("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void sql(String what, String sql) {
        Driver.AppRun run = client("mariadb", List.of(), sql);
        if (!run.ok()) {
            throw new Failed(what + " failed: " + run.tail());
        }
    }

    private Driver.AppRun client(String program, List<String> args, String stdin) {
        List<String> command = new ArrayList<>(List.of(program, "-uroot"));
        if (rootPassword != null && !rootPassword.isEmpty()) {
            command.addAll(List.of("--protocol=TCP", "-h", host, "-P", port));
        } else {
            command.add("--protocol=SOCKET");
        }
        command.addAll(args);
        Map<String, String> env = rootPassword == null ? Map.of() : Map.of("MYSQL_PWD",
            rootPassword);
        return Processes.run(command, env, null, stdin, 600);
    }
}
