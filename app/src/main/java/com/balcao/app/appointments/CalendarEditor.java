package com.balcao.app.appointments;

import com.balcao.app.web.AppException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Creates and edits calendars from the admin's forms, refusing what does not read. */
final class CalendarEditor {
    static final int MIN_SLOT = 5;
    static final int MAX_SLOT = 480;
    private final Jdbi jdbi;
    private final Clock clock;

    CalendarEditor(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A calendar as the form posts it; {@code hours} holds Monday's text first. */
    record Typed(String name, String department, String professional, String slotMinutes,
                 boolean active, List<String> hours) {
    }

    /** Creates ({@code id} null) or updates a calendar with its weekly hours; returns its id. */
    long save(Long id, Typed typed) {
        String name = typed.name() == null ? "" : typed.name().strip();
        if (name.isEmpty() || name.length() > 80) {
            throw AppException.unprocessable("invalid_calendar", "calendars_name_invalid");
        }
        long department = id(typed.department(), "calendars_department_invalid");
        Long professional = typed.professional() == null || typed.professional().isBlank() ? null
            : id(typed.professional(), "calendars_professional_invalid");
        int slot = slotMinutes(typed.slotMinutes());
        List<List<HoursText.Window>> week = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            String text = day <= typed.hours().size() ? typed.hours().get(day - 1) : null;
            int weekday = day;
            week.add(HoursText.parse(text).orElseThrow(() -> AppException.unprocessable(
                "invalid_calendar", "calendars_hours_invalid_" + weekday)));
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            requireExists(handle, "departments", department, "calendars_department_invalid");
            if (professional != null) {
                requireExists(handle, "users", professional, "calendars_professional_invalid");
            }
            CalendarDao calendars = handle.attach(CalendarDao.class);
            long saved;
            if (id == null) {
                saved = calendars.insert(name, department, professional, slot, typed.active(),
                    now);
            } else if (calendars.update(id, name, department, professional, slot,
                typed.active(), now) == 0) {
                throw AppException.notFound("calendar_not_found", "calendars_not_found");
            } else {
                saved = id;
            }
            calendars.clearHours(saved);
            for (int day = 1; day <= 7; day++) {
                for (HoursText.Window window : week.get(day - 1)) {
                    calendars.addHours(saved, day, window.start(), window.end());
                }
            }
            return saved;
        });
    }

    /** A day off (hours blank) or with other hours. */
    void putException(long calendarId, String day, String hours) {
        LocalDate date = date(day);
        List<HoursText.Window> windows = HoursText.parse(hours).orElseThrow(() ->
            AppException.unprocessable("invalid_exception", "calendars_exception_hours_invalid"));
        if (windows.size() > 1) {
            throw AppException.unprocessable("invalid_exception",
                "calendars_exception_hours_invalid");
        }
        find(calendarId);
        jdbi.useHandle(handle -> handle.attach(CalendarDao.class).putException(calendarId, date,
            windows.isEmpty(), windows.isEmpty() ? null : windows.get(0).start(),
            windows.isEmpty() ? null : windows.get(0).end()));
    }

    void removeException(long calendarId, String day) {
        LocalDate date = date(day);
        if (jdbi.withHandle(h -> h.attach(CalendarDao.class).removeException(calendarId,
            date)) == 0) {
            throw AppException.notFound("exception_not_found", "calendars_not_found");
        }
    }

    CalendarRow find(long id) {
        return jdbi.withHandle(h -> h.attach(CalendarDao.class).find(id)).orElseThrow(() ->
            AppException.notFound("calendar_not_found", "calendars_not_found"));
    }

    private static void requireExists(org.jdbi.v3.core.Handle handle, String table, long id,
                                      String messageKey) {
        if (handle.createQuery("SELECT COUNT(*) FROM " + table + " WHERE id = :id")
            .bind("id", id).mapTo(Integer.class).one() == 0) {
            throw AppException.unprocessable("invalid_calendar", messageKey);
        }
    }

    private static int slotMinutes(String text) {
        try {
            int minutes = Integer.parseInt(text == null ? "" : text.strip());
            if (minutes >= MIN_SLOT && minutes <= MAX_SLOT) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw AppException.unprocessable("invalid_calendar", "calendars_slot_invalid");
    }

    private static long id(String text, String messageKey) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw AppException.unprocessable("invalid_calendar", messageKey);
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw AppException.unprocessable("invalid_exception", "calendars_day_invalid");
        }
    }
}
