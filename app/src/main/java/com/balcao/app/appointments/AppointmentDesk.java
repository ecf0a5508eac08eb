package com.balcao.app.appointments;

import com.balcao.app.auth.Staff;
import com.balcao.app.config.AppointmentsConfig;
import com.balcao.app.conversations.AutomatedMessages;
import com.balcao.app.web.AppException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What staff do with bookings: list them by status, calendar and day, confirm, cancel or move
 * them to another free slot; the customer is told of a cancellation or a move on WhatsApp.
 * Agents see and act on their departments' calendars only.
 * Refusals are {@link AppException}s with a message for the person.
 */
final class AppointmentDesk {
    static final int PAGE_SIZE = 20;
    static final int RESCHEDULE_CHOICES = 12;
    private final Jdbi jdbi;
    private final Bookings bookings;
    private final AutomatedMessages messages;
    private final AppointmentsConfig config;
    private final Clock clock;

    AppointmentDesk(Jdbi jdbi, Bookings bookings, AutomatedMessages messages,
                    AppointmentsConfig config, Clock clock) {
        this.jdbi = jdbi;
        this.bookings = bookings;
        this.messages = messages;
        this.config = config;
        this.clock = clock;
    }

    /** Whether the customer heard of a change on WhatsApp. */
    enum Told {
        /** A message is on its way. */
        YES,
        /**
         * Their 24-hour window is closed and the change's template is not approved: someone
         * has to tell them another way.
         */
        WINDOW_CLOSED,
        /** Booked without a WhatsApp conversation (nothing to write to). */
        NO_CONVERSATION
    }

    /** The list's filters as typed; blank means any. */
    record Filter(String status, String calendar, String day, String page) {
    }

    /** One page of bookings, the free slots each one could move to, and whether more follow. */
    record Listing(List<AppointmentRow> rows, Map<Long, List<Instant>> moves,
                   List<CalendarRow> calendars, int page, boolean more) {
    }

    Listing list(Staff staff, Filter filter) {
        AppointmentStatus status = status(filter.status());
        Long calendar = number(filter.calendar(), "appointments_calendar_invalid");
        Long page = number(filter.page(), "appointments_page_invalid");
        int pageNumber = page == null ? 1 : (int) Math.max(1, Math.min(page, 10_000));
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofHours(2));
        Instant until = now.plus(Duration.ofDays(366));
        if (filter.day() != null && !filter.day().isBlank()) {
            LocalDate day = day(filter.day());
            from = day.atStartOfDay(Bookings.ZONE).toInstant();
            until = day.plusDays(1).atStartOfDay(Bookings.ZONE).toInstant();
        }
        Instant start = from;
        Instant end = until;
        return jdbi.withHandle(handle -> {
            CalendarDao calendars = handle.attach(CalendarDao.class);
            List<CalendarRow> visible = calendars.all().stream()
                .filter(c -> staff.canSeeDepartment(c.departmentId())).toList();
            List<Long> shownCalendars = visible.stream().map(CalendarRow::id)
                .filter(id -> calendar == null || id.equals(calendar)).toList();
            List<AppointmentRow> rows = handle.attach(AppointmentDao.class).list(start, end,
                status == null ? null : status.name(), shownCalendars, PAGE_SIZE + 1,
                (pageNumber - 1) * PAGE_SIZE);
            boolean more = rows.size() > PAGE_SIZE;
            List<AppointmentRow> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
            Map<Long, List<Instant>> free = new HashMap<>();
            Map<Long, List<Instant>> moves = new HashMap<>();
            for (AppointmentRow row : shown) {
                if (row.status().holdsSlot()) {
                    moves.put(row.id(), free.computeIfAbsent(row.calendarId(), id ->
                        calendars.find(id).map(c -> bookings.free(handle, c, now,
                            RESCHEDULE_CHOICES)).orElse(List.of())));
                }
            }
            return new Listing(shown, moves, visible, pageNumber, more);
        });
    }

    void confirm(Staff staff, long id) {
        find(staff, id);
        move(id, AppointmentStatus.REQUESTED, AppointmentStatus.CONFIRMED);
    }

    Told cancel(Staff staff, long id) {
        AppointmentRow row = find(staff, id);
        if (!row.status().holdsSlot()) {
            throw AppException.unprocessable("appointment_state", "appointments_not_active");
        }
        AutomatedMessages.Written written = jdbi.inTransaction(handle -> {
            moveOrRefuse(handle, id, row.status(), AppointmentStatus.CANCELLED);
            return tell(handle, row, AppointmentTexts.cancelled(row, config));
        });
        return announced(row, written);
    }

    void done(Staff staff, long id) {
        find(staff, id);
        move(id, AppointmentStatus.CONFIRMED, AppointmentStatus.DONE);
    }

    Told reschedule(Staff staff, long id, String startEpoch) {
        AppointmentRow appointment = find(staff, id);
        Long seconds = number(startEpoch, "appointments_slot_invalid");
        if (seconds == null) {
            throw AppException.unprocessable("appointment_slot", "appointments_slot_invalid");
        }
        Instant start = Instant.ofEpochSecond(seconds);
        AutomatedMessages.Written written = jdbi.inTransaction(handle -> {
            Bookings.Result result = bookings.reschedule(handle, appointment, start,
                clock.instant());
            if (result instanceof Bookings.Result.Taken) {
                throw AppException.unprocessable("appointment_taken", "appointments_slot_taken");
            }
            if (result instanceof Bookings.Result.NotAvailable) {
                throw AppException.unprocessable("appointment_slot", "appointments_slot_invalid");
            }
            return tell(handle, appointment, AppointmentTexts.moved(appointment, start,
                config));
        });
        return announced(appointment, written);
    }

    private void move(long id, AppointmentStatus from, AppointmentStatus to) {
        jdbi.useTransaction(handle -> moveOrRefuse(handle, id, from, to));
    }

    private void moveOrRefuse(Handle handle, long id, AppointmentStatus from,
                              AppointmentStatus to) {
        if (!bookings.move(handle, id, from, to, clock.instant())) {
            throw AppException.unprocessable("appointment_state", "appointments_not_"
                + from.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Queues the notice for the booking's customer on the caller's transaction. */
    private AutomatedMessages.Written tell(Handle handle, AppointmentRow appointment,
                                           AutomatedMessages.Notice notice) {
        return appointment.conversationId() == null ? AutomatedMessages.Written.NOTHING
            : messages.write(handle, appointment.conversationId(), notice);
    }

    /** After the commit: the message leaves, and what the person is told about it. */
    private Told announced(AppointmentRow appointment, AutomatedMessages.Written written) {
        if (appointment.conversationId() == null) {
            return Told.NO_CONVERSATION;
        }
        if (written.sent() == AutomatedMessages.Sent.NOTHING) {
            return Told.WINDOW_CLOSED;
        }
        messages.announce(written);
        return Told.YES;
    }

    /** The booking, when on a calendar of a department the person may see. */
    private AppointmentRow find(Staff staff, long id) {
        return jdbi.withHandle(h -> h.attach(AppointmentDao.class).find(id).filter(row ->
            h.attach(CalendarDao.class).find(row.calendarId())
                .filter(c -> staff.canSeeDepartment(c.departmentId())).isPresent()))
            .orElseThrow(() -> AppException.notFound("appointment_not_found",
                "appointments_not_found"));
    }

    private static AppointmentStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AppointmentStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AppException.unprocessable("invalid_filter", "appointments_status_invalid");
        }
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw AppException.unprocessable("invalid_filter", "appointments_day_invalid");
        }
    }

    private static Long number(String text, String messageKey) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw AppException.unprocessable("invalid_input", messageKey);
        }
    }
}
