package com.balcao.app.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Tomorrow" is the tenant's tomorrow, not UTC's (São Paulo is three hours behind). */
class ReminderDayTest {

    @ParameterizedTest(name = "at {0} tomorrow is [{1}, {2})")
    @CsvSource({
        "2026-12-01T12:00:00Z, 2026-12-02T03:00:00Z, 2026-12-03T03:00:00Z",
        "2026-12-02T02:30:00Z, 2026-12-02T03:00:00Z, 2026-12-03T03:00:00Z",
        "2026-12-02T03:00:00Z, 2026-12-03T03:00:00Z, 2026-12-04T03:00:00Z",
        "2026-12-31T23:00:00Z, 2027-01-01T03:00:00Z, 2027-01-02T03:00:00Z"})
    void tomorrowIsTheTenantsNextDay(String now, String from, String until) {
        Reminders.Day day = Reminders.Day.after(Instant.parse(now));

        assertThat(day.from()).isEqualTo(Instant.parse(from));
        assertThat(day.until()).isEqualTo(Instant.parse(until));
    }
}
