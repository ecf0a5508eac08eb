package com.balcao.app.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.SimpleExtensionConfigurer;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.RowMappers;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Constructor mappers that remember how they matched a result's columns. Jdbi's
 * {@link ConstructorMapper} matches every column name to a constructor parameter and looks up
 * each parameter's column mapper for every result set it reads, which cost a tenth of the app's
 * time on the message path. The match depends only on the mapped type, the result's column
 * labels and the column mappers, which the app registers once on its Jdbi for every statement
 * (no DAO registers its own), so it is kept per type and column list for the life of the app.
 */
public final class RecordMappers {
    private static final Map<Class<?>, Cached<?>> BY_TYPE = new ConcurrentHashMap<>();

    private RecordMappers() {
    }

    /** The shared mapper of {@code type}. */
    @SuppressWarnings("unchecked")
    private static <T> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) BY_TYPE.computeIfAbsent(type, Cached::new);
    }

    /** A factory answering for {@code type} alone, with its shared mapper. */
    static RowMapperFactory factory(Class<?> type) {
        RowMapper<?> mapper = of(type);
        return (Type wanted, ConfigRegistry config) -> type.equals(
            GenericTypes.getErasedType(wanted)) ? Optional.of(mapper) : Optional.empty();
    }

    private static final class Cached<T> implements RowMapper<T> {
        private final RowMapper<T> matcher;
        private final Map<List<String>, RowMapper<T>> byColumns = new ConcurrentHashMap<>();

        Cached(Class<T> type) {
            this.matcher = ConstructorMapper.of(type);
        }

        @Override
        public T map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }

        @Override
        public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            List<String> columns = labels(rs.getMetaData());
            RowMapper<T> matched = byColumns.get(columns);
            if (matched == null) {
                matched = matcher.specialize(rs, ctx);
                byColumns.putIfAbsent(columns, matched);
            }
            return matched;
        }

        private static List<String> labels(ResultSetMetaData meta) throws SQLException {
            int count = meta.getColumnCount();
            List<String> labels = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                labels.add(meta.getColumnLabel(i));
            }
            return labels;
        }
    }

    /** Registers the shared mapper of a {@link RegisterRecordMapper}'s type. */
    public static final class Configurer extends SimpleExtensionConfigurer {
        private final RowMapperFactory factory;

        public Configurer(Annotation annotation) {
            this.factory = factory(((RegisterRecordMapper) annotation).value());
        }

        @Override
        public void configure(ConfigRegistry config, Annotation annotation,
                              Class<?> sqlObjectType) {
            config.get(RowMappers.class).register(factory);
        }
    }
}
