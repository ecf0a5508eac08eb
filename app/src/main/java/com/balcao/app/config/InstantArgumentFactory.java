package com.balcao.app.config;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds {@link Instant} as a UTC text literal with microseconds. Connector/J takes MariaDB for
 * MySQL 5.5 and would drop fractional seconds from a bound timestamp; a string keeps them on
 * both MariaDB and MySQL 8.
 */
final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
    private static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    InstantArgumentFactory() {
        super(Types.VARCHAR);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
        return (position, statement, ctx) -> statement.setString(position, FORMAT.format(value));
    }
}
