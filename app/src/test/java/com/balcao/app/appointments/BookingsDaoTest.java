package com.balcao.app.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestDatabase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Booking against real MariaDB: the database has the last word on who gets a slot. */
class BookingsDaoTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final Instant NOW = at("2026-12-01T08:00");
    static Jdbi jdbi;
    static Seeds seeds;
    static long calendar;
    final Bookings bookings = new Bookings();

    @BeforeAll
    static void calendar() {
        seeds = new Seeds(DB);
        jdbi = seeds.jdbi();
        long department = seeds.department("Laboratório", "laboratorio");
        calendar = AppointmentFixtures.weekdayCalendar(jdbi, department, "Coleta", 30);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void sixteenCustomersRaceForOneSlotAndExactlyOneGetsIt() throws Exception {
        Instant slot = at("2026-12-02T10:00");
        List<Long> contacts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            contacts.add(AppointmentFixtures.contact(jdbi, "Cliente " + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Bookings.Result>> results = new ArrayList<>();
        for (long contact : contacts) {
            Callable<Bookings.Result> race = () -> {
                start.await();
                return book(slot, contact);
            };
            results.add(pool.submit(race));
        }
        start.countDown();
        List<Bookings.Result> outcomes = new ArrayList<>();
        for (Future<Bookings.Result> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(r -> r instanceof Bookings.Result.Booked).hasSize(1);
        assertThat(outcomes).filteredOn(r -> r instanceof Bookings.Result.Taken).hasSize(15);
        long rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM appointments "
            + "WHERE calendar_id = :calendar AND starts_at = :slot").bind("calendar", calendar)
            .bind("slot", slot).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1L);
    }

    @Test
    void aCancelledSlotIsFreeAgainAndOffered() {
        Instant slot = at("2026-12-03T09:00");
        long first = AppointmentFixtures.contact(jdbi, "Ana");
        long second = AppointmentFixtures.contact(jdbi, "Bia");
        long id = ((Bookings.Result.Booked) book(slot, first)).id();
        assertThat(book(slot, second)).isInstanceOf(Bookings.Result.Taken.class);

        boolean cancelled = jdbi.inTransaction(h -> bookings.move(h, id,
            AppointmentStatus.REQUESTED, AppointmentStatus.CANCELLED, NOW));

        assertThat(cancelled).isTrue();
        assertThat(book(slot, second)).isInstanceOf(Bookings.Result.Booked.class);
    }

    @Test
    void slotsOutsideTheHoursOrTooSoonAreNotAvailable() {
        long contact = AppointmentFixtures.contact(jdbi, "Caio");
        for (String start : List.of("2026-12-01T08:30", "2026-12-02T09:10",
            "2026-12-05T10:00", "2026-12-02T18:00")) {
            assertThat(book(at(start), contact)).as(start)
                .isInstanceOf(Bookings.Result.NotAvailable.class);
        }
    }

    @Test
    void rescheduleMovesTheBookingAndFreesTheOldSlot() {
        long contact = AppointmentFixtures.contact(jdbi, "Davi");
        Instant from = at("2026-12-04T14:00");
        Instant to = at("2026-12-04T15:00");
        long id = ((Bookings.Result.Booked) book(from, contact)).id();

        Bookings.Result moved = jdbi.<Bookings.Result, RuntimeException>inTransaction(h ->
            bookings.reschedule(h,
            h.attach(AppointmentDao.class).find(id).orElseThrow(), to, NOW));

        assertThat(moved).isInstanceOf(Bookings.Result.Booked.class);
        List<Instant> free = jdbi.withHandle(h -> bookings.free(h, h.attach(CalendarDao.class)
            .find(calendar).orElseThrow(), at("2026-12-04T12:00"), 3));
        assertThat(free).contains(from).doesNotContain(to);
    }

    private Bookings.Result book(Instant slot, long contact) {
        return jdbi.<Bookings.Result, RuntimeException>inTransaction(h -> bookings.book(h,
            calendar, slot, contact, null, null, NOW));
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(Bookings.ZONE).toInstant();
    }

}
