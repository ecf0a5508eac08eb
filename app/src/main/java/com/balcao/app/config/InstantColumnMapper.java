package com.balcao.app.config;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a UTC {@code DATETIME(6)} column as an {@link Instant}, whatever the JVM time zone. */
final class InstantColumnMapper implements ColumnMapper<Instant> {
    @Override
    public Instant map(ResultSet rs, int column, StatementContext ctx) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

}
