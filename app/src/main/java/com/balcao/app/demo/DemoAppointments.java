package com.balcao.app.demo;

import com.balcao.app.appointments.AppointmentStatus;
import com.balcao.app.appointments.Bookings;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The laboratory's collection calendar (weekdays and Saturday morning, 30-minute slots) and
 * two customers booked on it, one awaiting confirmation and one confirmed, so the appointments
 * page shows its work at once. Seeded once, only when the tenant has no calendar.
 */
final class DemoAppointments {
    private record Booking(String waId, String status, String note) {
    }

    private static final List<Booking> BOOKINGS = List.of(
        new Booking("5511987650104", "REQUESTED", "Exame de sangue em jejum"),
        new Booking("5511987650103", "CONFIRMED", "Coleta de urina"));

    private DemoAppointments() {
    }

    static void seed(Jdbi jdbi) {
        Instant now = Instant.now();
        boolean seeded = jdbi.inTransaction(handle -> {
            if (handle.createQuery("SELECT COUNT(*) FROM appointment_calendars").mapTo(Long.class)
                .one() > 0) {
                return false;
            }
            Long lab = handle.createQuery("SELECT id FROM departments WHERE slug = 'laboratorio'")
                .mapTo(Long.class).findOne().orElse(null);
            if (lab == null) {
                return false;
            }
            long calendar = handle.createUpdate("INSERT INTO appointment_calendars (name, "
                    + "department_id, user_id, slot_minutes, active, created_at, updated_at) "
                    + "VALUES ('Coleta de exames', :lab, (SELECT id FROM users WHERE email = "
                    + "'ana@demo.local'), 30, TRUE, :now, :now)").bind("lab", lab)
                .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (int day = 1; day <= 6; day++) {
                hours(handle, calendar, day, 7 * 60, day == 6 ? 11 * 60 : 12 * 60);
                if (day < 6) {
                    hours(handle, calendar, day, 13 * 60, 17 * 60);
                }
            }
            Bookings bookings = new Bookings();
            List<Bookings.Free> free = bookings.freeIn(handle, "laboratorio", now, 8);
            for (int i = 0; i < BOOKINGS.size() && i * 3 < free.size(); i++) {
                book(handle, bookings, free.get(i * 3), BOOKINGS.get(i), now);
            }
            return true;
        });
        if (seeded) {
            System.out.println("Demo calendar and appointments ready");
        }
    }

    private static void hours(org.jdbi.v3.core.Handle handle, long calendar, int weekday,
                              int start, int end) {
        handle.createUpdate("INSERT INTO appointment_hours (calendar_id, weekday, start_minute, "
            + "end_minute) VALUES (:calendar, :weekday, :start, :end)").bind("calendar", calendar)
            .bind("weekday", weekday).bind("start", start).bind("end", end).execute();
    }

    private static void book(org.jdbi.v3.core.Handle handle, Bookings bookings,
                             Bookings.Free slot, Booking booking, Instant now) {
        handle.createQuery("SELECT c.id AS contact, MAX(cv.id) AS conversation FROM contacts c "
                + "LEFT JOIN conversations cv ON cv.contact_id = c.id WHERE c.wa_id = :wa "
                + "GROUP BY c.id").bind("wa", booking.waId())
            .map((rs, ctx) -> new long[] {rs.getLong("contact"), rs.getLong("conversation")})
            .findOne().ifPresent(ids -> {
                Bookings.Result result = bookings.book(handle, slot.calendar().id(),
                    slot.start(), ids[0], ids[1] == 0 ? null : ids[1], booking.note(), now);
                if (result instanceof Bookings.Result.Booked booked
                    && "CONFIRMED".equals(booking.status())) {
                    bookings.move(handle, booked.id(), AppointmentStatus.REQUESTED,
                        AppointmentStatus.CONFIRMED, now);
                }
            });
    }
}
