package com.balcao.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.appointments.AppointmentFixtures;
import com.balcao.app.auth.PasswordHasher;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestDatabase;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The demo's laboratory calendar and its two bookings, seeded once. */
class DemoAppointmentsTest {
    static final TestDatabase DB = TestDatabase.createMigrated();

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void theLaboratoryCalendarHasOneRequestAndOneConfirmedBooking() {
        Seeds seeds = new Seeds(DB);
        Jdbi jdbi = seeds.jdbi();
        SeedDemoCommand.seed(jdbi, new PasswordHasher(4), Map.of());
        for (String waId : new String[] {"5511987650104", "5511987650103"}) {
            long id = AppointmentFixtures.contact(jdbi, "Cliente " + waId);
            jdbi.useHandle(h -> h.execute("UPDATE contacts SET wa_id = ? WHERE id = ?", waId, id));
        }

        DemoAppointments.seed(jdbi);
        DemoAppointments.seed(jdbi);

        assertThat(seeds.count("appointment_calendars", "name = 'Coleta de exames'"))
            .isEqualTo(1);
        assertThat(seeds.count("appointment_hours", "TRUE")).isEqualTo(11);
        assertThat(seeds.count("appointments", "status = 'REQUESTED'")).isEqualTo(1);
        assertThat(seeds.count("appointments", "status = 'CONFIRMED'")).isEqualTo(1);
    }
}
