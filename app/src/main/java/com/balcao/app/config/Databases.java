package com.balcao.app.config;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import java.time.Instant;
import org.apache.tomcat.jdbc.pool.DataSourceProxy;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Builds the tenant's Jdbi: managed pool, health check "database", UTC instants, enums stored as
 * words.
 */
public final class Databases {
    private Databases() {
    }

    public static Jdbi build(AppConfig config, Environment environment) {
        ManagedDataSource dataSource = config.database.build(environment.metrics(), "database");
        if (dataSource instanceof DataSourceProxy pool) {
            // The pool would wrap every statement in a reflective proxy, so that a statement
            // used after closing fails cleanly; Jdbi closes its statements itself, and the
            // proxy cost a few per cent of the app's time on the message path.
            pool.getPoolProperties().setUseStatementFacade(false);
        }
        return configure(new JdbiFactory().build(environment, config.database, dataSource,
            "database"));
    }

    /** A Jdbi for a command that runs without the server; close the data source when done. */
    public static Jdbi standalone(ManagedDataSource dataSource) {
        return configure(Jdbi.create(dataSource));
    }

    /** Applies the argument and column rules every DAO relies on; also used by commands. */
    public static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        LazySqlObjects.install(jdbi);
        jdbi.setTemplateEngine(new NamedStatements());
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerColumnMapper(Instant.class, new InstantColumnMapper());
        jdbi.registerArgument(StoredWords.ARGUMENTS);
        jdbi.registerColumnMapper(StoredWords.COLUMNS);
        DaoMetadata.prepare(jdbi);
        return jdbi;
    }
}
