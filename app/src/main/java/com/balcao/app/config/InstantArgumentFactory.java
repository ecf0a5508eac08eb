package com.balcao.app.config;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.StatementContext;

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
        return new Bound(value);
    }

    /**
     * One bound instant. It describes itself for Jdbi's statement logs only when asked: an
     * argument without its own {@code toString} is wrapped in one that renders the value on
     * every bind.
     */
    private record Bound(Instant value) implements Argument {
        @Override
        public void apply(int position, PreparedStatement statement, StatementContext ctx)
            throws SQLException {
            statement.setString(position, FORMAT.format(value));
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }
}
