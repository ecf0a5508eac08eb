package com.balcao.app.appointments;

import com.balcao.app.config.Columns;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Booking rules on the caller's transaction: which slots are free, and booking, moving,
 * confirming or cancelling. Two bookings of one slot are refused by the database's unique key
 * on (calendar, active slot), so a race between customers has exactly one winner.
 */
public final class Bookings {
    /** The tenant's zone: opening hours are read in it. */
    public static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    /** How far ahead of now the earliest slot offered starts (time to prepare). */
    static final Duration LEAD = Duration.ofHours(1);

    /** What a booking attempt came to. */
    public sealed interface Result {
        record Booked(long id) implements Result {
        }

        /** Someone holds that slot (also: they got it a moment earlier). */
        record Taken() implements Result {
        }

        /** Not a slot of the calendar (closed, off the grid, past, or no such calendar). */
        record NotAvailable() implements Result {
        }
    }

    /** A free slot and the calendar it belongs to. */
    public record Free(CalendarRow calendar, Instant start) {
    }

    /**
     * The next free slots of every active calendar of a department (of every department when
     * none is named), earliest first.
     */
    public List<Free> freeIn(Handle handle, String departmentSlug, Instant now, int count) {
        CalendarDao calendars = handle.attach(CalendarDao.class);
        return (departmentSlug == null ? calendars.allActive()
            : calendars.activeOf(departmentSlug)).stream()
            .flatMap(calendar -> free(handle, calendar, now, count).stream()
                .map(start -> new Free(calendar, start)))
            .sorted(Comparator.comparing(Free::start).thenComparing(f -> f.calendar().id()))
            .limit(count).toList();
    }

    /** The next free slots of one calendar. */
    public List<Instant> free(Handle handle, CalendarRow calendar, Instant now, int count) {
        Instant earliest = now.plus(LEAD);
        List<SlotCalculator.Busy> busy = handle.attach(AppointmentDao.class).busy(calendar.id(),
            earliest, earliest.plus(Duration.ofDays(SlotCalculator.HORIZON_DAYS + 1)));
        return SlotCalculator.next(schedule(handle, calendar, now), busy, earliest, ZONE, count);
    }

    public Result book(Handle handle, long calendarId, Instant start, long contactId,
                       Long conversationId, String note, Instant now) {
        Optional<CalendarRow> calendar = handle.attach(CalendarDao.class).find(calendarId)
            .filter(CalendarRow::active);
        if (calendar.isEmpty()) {
            return new Result.NotAvailable();
        }
        Instant end = start.plus(Duration.ofMinutes(calendar.get().slotMinutes()));
        Optional<Result> refused = check(handle, calendar.get(), start, end, now, null);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return new Result.Booked(handle.attach(AppointmentDao.class).insert(calendarId,
                contactId, conversationId, start, end, Columns.clip(note, 500), now));
        } catch (UnableToExecuteStatementException e) {
            if (Columns.duplicate(e)) {
                return new Result.Taken();
            }
            throw e;
        }
    }

    /** Moves a booking that still holds its slot to another free slot of its calendar. */
    public Result reschedule(Handle handle, AppointmentRow appointment, Instant start,
                             Instant now) {
        Optional<CalendarRow> calendar = handle.attach(CalendarDao.class)
            .find(appointment.calendarId());
        if (calendar.isEmpty() || !appointment.status().holdsSlot()) {
            return new Result.NotAvailable();
        }
        Instant end = start.plus(Duration.ofMinutes(calendar.get().slotMinutes()));
        Optional<Result> refused = check(handle, calendar.get(), start, end, now,
            appointment);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            handle.attach(AppointmentDao.class).reschedule(appointment.id(), start, end, now);
            return new Result.Booked(appointment.id());
        } catch (UnableToExecuteStatementException e) {
            if (Columns.duplicate(e)) {
                return new Result.Taken();
            }
            throw e;
        }
    }

    /** Moves a booking from one status to another; false when it was not in {@code from}. */
    public boolean move(Handle handle, long id, AppointmentStatus from, AppointmentStatus to,
                        Instant now) {
        return handle.attach(AppointmentDao.class).move(id, from, to, to.holdsSlot(), now) == 1;
    }

    private Optional<Result> check(Handle handle, CalendarRow calendar, Instant start,
                                   Instant end, Instant now, AppointmentRow moving) {
        if (start.isBefore(now.plus(LEAD))
            || !SlotCalculator.onGrid(schedule(handle, calendar, now), start, ZONE)) {
            return Optional.of(new Result.NotAvailable());
        }
        boolean busy = handle.attach(AppointmentDao.class).busy(calendar.id(), start, end)
            .stream().anyMatch(b -> moving == null || !b.start().equals(moving.startsAt()));
        return busy ? Optional.of(new Result.Taken()) : Optional.empty();
    }

    static SlotCalculator.Schedule schedule(Handle handle, CalendarRow calendar, Instant now) {
        CalendarDao calendars = handle.attach(CalendarDao.class);
        return new SlotCalculator.Schedule(calendar.slotMinutes(),
            calendars.hours(calendar.id()).stream().map(h -> new SlotCalculator.Hours(
                DayOfWeek.of(h.weekday()), h.startMinute(), h.endMinute())).toList(),
            calendars.exceptions(calendar.id(), LocalDate.ofInstant(now, ZONE).minusDays(1))
                .stream().map(e -> new SlotCalculator.DayException(e.day(), e.closed(),
                    e.startMinute(), e.endMinute())).toList());
    }
}
