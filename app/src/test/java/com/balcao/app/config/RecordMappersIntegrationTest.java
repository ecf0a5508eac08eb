package com.balcao.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balcao.app.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordMappersIntegrationTest {
    static final TestDatabase DB = TestDatabase.createEmpty();
    static Jdbi jdbi;

    public record Parcel(long id, String label, Instant sentAt, String note) {
    }

    @RegisterRecordMapper(Parcel.class)
    public interface ParcelDao {
        @SqlUpdate("INSERT INTO parcels (label, sent_at, note) VALUES (:label, :at, :note)")
        void add(@Bind("label") String label, @Bind("at") Instant at, @Bind("note") String note);

        @SqlQuery("SELECT id, label, sent_at, note FROM parcels ORDER BY id")
        List<Parcel> all();

        @SqlQuery("SELECT note, sent_at, label, id FROM parcels WHERE label = :label")
        Optional<Parcel> reversed(@Bind("label") String label);

        @SqlQuery("SELECT id, note AS label, sent_at, label AS note FROM parcels WHERE id = :id")
        Optional<Parcel> swapped(@Bind("id") long id);

        @SqlQuery("SELECT label FROM parcels ORDER BY id")
        List<Parcel> labelsOnly();
    }

    @BeforeAll
    static void create() {
        jdbi = Databases.configure(Jdbi.create(DB.url(), TestDatabase.USER,
            TestDatabase.PASSWORD));
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE parcels (id BIGINT AUTO_INCREMENT "
            + "PRIMARY KEY, label VARCHAR(20) NOT NULL, sent_at DATETIME(6) NOT NULL, "
            + "note VARCHAR(40))"));
        ParcelDao parcels = jdbi.onDemand(ParcelDao.class);
        parcels.add("caixa", Instant.parse("2026-11-30T12:00:00Z"), "frágil");
        parcels.add("envelope", Instant.parse("2026-12-01T08:30:00Z"), null);
    }

    @AfterAll
    static void drop() {
        DB.drop();
    }

    @Test
    void eachColumnListKeepsItsOwnMatchAcrossCalls() {
        ParcelDao parcels = jdbi.onDemand(ParcelDao.class);
        for (int call = 0; call < 3; call++) {
            List<Parcel> all = parcels.all();
            assertThat(all).extracting(Parcel::label).containsExactly("caixa", "envelope");
            assertThat(all.get(0).sentAt()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
            assertThat(all.get(0).note()).isEqualTo("frágil");
            assertThat(all.get(1).note()).isNull();

            Parcel reversed = parcels.reversed("caixa").orElseThrow();
            assertThat(reversed).isEqualTo(all.get(0));

            Parcel swapped = parcels.swapped(all.get(0).id()).orElseThrow();
            assertThat(swapped.label()).isEqualTo("frágil");
            assertThat(swapped.note()).isEqualTo("caixa");
        }
    }

    @Test
    void aResultMissingAColumnFailsEveryTimeNamingIt() {
        ParcelDao parcels = jdbi.onDemand(ParcelDao.class);
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(parcels::labelsOnly).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no matching columns");
        }
    }
}
