package com.balcao.app.config;

import java.lang.reflect.Type;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;
import org.jdbi.v3.core.statement.StatementContext;

/** Binds and reads every {@link StoredWord} enum as its word. */
final class StoredWords {
    private StoredWords() {
    }

    static final ArgumentFactory ARGUMENTS = new ArgumentFactory() {
        @Override
        public Optional<Argument> build(Type type, Object value, ConfigRegistry config) {
            if (!isStoredWord(type) && !(value instanceof StoredWord)) {
                return Optional.empty();
            }
            return Optional.of(new Bound((StoredWord) value));
        }
    };

    /** One bound word, described lazily (see {@code InstantArgumentFactory.Bound}). */
    private record Bound(StoredWord value) implements Argument {
        @Override
        public void apply(int position, PreparedStatement statement, StatementContext ctx)
            throws SQLException {
            if (value == null) {
                statement.setNull(position, Types.VARCHAR);
            } else {
                statement.setString(position, value.word());
            }
        }

        @Override
        public String toString() {
            return value == null ? "null" : value.word();
        }
    }

    static final ColumnMapperFactory COLUMNS = new ColumnMapperFactory() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
            if (!isStoredWord(type)) {
                return Optional.empty();
            }
            Class enumType = GenericTypes.getErasedType(type);
            return Optional.of((rs, column, ctx) -> {
                String word = rs.getString(column);
                Object constant = StoredWord.of(enumType, word);
                if (word != null && constant == null) {
                    throw new IllegalStateException("Unknown " + enumType.getSimpleName()
                        + " '" + word + "'");
                }
                return constant;
            });
        }
    };

    private static boolean isStoredWord(Type type) {
        Class<?> erased = GenericTypes.getErasedType(type);
        return erased.isEnum() && StoredWord.class.isAssignableFrom(erased);
    }
}
