package com.balcao.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.support.TestDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DaosIntegrationTest {
    static final TestDatabase DB = TestDatabase.createEmpty();

    interface Probe {
        @SqlQuery("SELECT CONNECTION_ID()")
        long connection();
    }

    @AfterAll
    static void drop() {
        DB.drop();
    }

    @Test
    void aHandleAttachesEachDaoOnceAndAnotherHandleGetsItsOwn() {
        Jdbi jdbi = Databases.configure(Jdbi.create(DB.url(), TestDatabase.USER,
            TestDatabase.PASSWORD));

        try (Handle first = jdbi.open(); Handle second = jdbi.open()) {
            Probe once = Daos.on(first, Probe.class);
            assertThat(Daos.on(first, Probe.class)).isSameAs(once);
            Probe inTransaction = first.inTransaction(tx -> Daos.on(tx, Probe.class));
            assertThat(inTransaction).isSameAs(once);
            Probe other = Daos.on(second, Probe.class);
            assertThat(other).isNotSameAs(once);
            assertThat(other.connection()).as("bound to its own handle's connection")
                .isNotEqualTo(once.connection());
        }
    }
}
