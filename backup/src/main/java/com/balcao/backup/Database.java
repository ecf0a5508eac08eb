package com.balcao.backup;

import java.util.Objects;

/** Where a tenant database lives and how to log in to it (TCP, password user). */
public record Database(String host, int port, String user, String password, String name) {

    public Database {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(name, "name");
        password = password == null ? "" : password;
        if (!name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("database name must be letters, digits, _: " + name);
        }
    }

    /** The same server and login, another database (a scratch copy). */
    public Database withName(String otherName) {
        return new Database(host, port, user, password, otherName);
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + name;
    }
}
