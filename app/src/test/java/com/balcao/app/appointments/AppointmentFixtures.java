package com.balcao.app.appointments;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Calendars and customers for appointment tests. */
public final class AppointmentFixtures {
    private AppointmentFixtures() {
    }

    /** A calendar open Monday to Friday, 9:00–12:00 and 14:00–18:00. */
    public static long weekdayCalendar(Jdbi jdbi, long departmentId, String name,
                                       int slotMinutes) {
        return jdbi.inTransaction(h -> {
            CalendarDao calendars = h.attach(CalendarDao.class);
            long id = calendars.insert(name, departmentId, null, slotMinutes, true, Instant.now());
            for (int day = 1; day <= 5; day++) {
                calendars.addHours(id, day, 9 * 60, 12 * 60);
                calendars.addHours(id, day, 14 * 60, 18 * 60);
            }
            return id;
        });
    }

    /** The calendar's next {@code count} free slots from now. */
    public static List<Instant> freeSlots(Jdbi jdbi, long calendarId, int count) {
        return jdbi.withHandle(h -> new Bookings().free(h, h.attach(CalendarDao.class)
            .find(calendarId).orElseThrow(), Instant.now(), count));
    }

    /** A booking of {@code start} by the contact, made now, without a conversation. */
    public static long book(Jdbi jdbi, long calendarId, Instant start, long contactId) {
        Bookings.Result result = jdbi.<Bookings.Result, RuntimeException>inTransaction(h ->
            new Bookings().book(h, calendarId, start, contactId, null, null, Instant.now()));
        return ((Bookings.Result.Booked) result).id();
    }

    /** A WhatsApp contact. */
    public static long contact(Jdbi jdbi, String name) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO contacts (public_id, wa_id, "
                + "name, phone, created_at, updated_at) VALUES "
                + "(LEFT(REPLACE(UUID(), '-', ''), 22), LEFT(REPLACE(UUID(), '-', ''), 20), :name, '5521999990000', UTC_TIMESTAMP(6), "
                + "UTC_TIMESTAMP(6))").bind("name", name).executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class).one());
    }
}
