package com.balcao.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.support.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class NamedStatementsIntegrationTest {
    static final TestDatabase DB = TestDatabase.createEmpty();

    interface Probe {
        @SqlQuery("SELECT <column> FROM (SELECT :a AS first, :b AS second) t")
        String pick(@Define("column") String column, @Bind("a") String a, @Bind("b") String b);
    }

    @AfterAll
    static void drop() {
        DB.drop();
    }

    @Test
    void everyStatementNamesItsDaoMethodAndKeepsItsOwnAttributes() {
        Jdbi jdbi = Databases.configure(Jdbi.create(DB.url(), TestDatabase.USER,
            TestDatabase.PASSWORD));
        List<String> ran = new CopyOnWriteArrayList<>();
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                ran.add(context.getRenderedSql());
            }
        });
        Probe probe = jdbi.onDemand(Probe.class);

        assertThat(probe.pick("first", "um", "dois")).isEqualTo("um");
        assertThat(probe.pick("second", "um", "dois")).isEqualTo("dois");
        assertThat(probe.pick("first", "três", "quatro")).isEqualTo("três");

        assertThat(ran).containsExactly(
            "/* Probe.pick */ SELECT first FROM (SELECT :a AS first, :b AS second) t",
            "/* Probe.pick */ SELECT second FROM (SELECT :a AS first, :b AS second) t",
            "/* Probe.pick */ SELECT first FROM (SELECT :a AS first, :b AS second) t");
        String plain = jdbi.withHandle(h -> h.createQuery("SELECT 'sem nome'")
            .mapTo(String.class).one());
        assertThat(plain).as("a statement outside a DAO runs as written").isEqualTo("sem nome");
    }
}
