package com.balcao.app.appointments;

import com.balcao.app.web.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Gathers what the calendars page shows. */
final class CalendarPages {
    private final Jdbi jdbi;
    private final Clock clock;

    CalendarPages(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A calendar with its hours as text (Monday first) and its coming exceptions. */
    record Shown(CalendarRow calendar, List<String> hours, List<CalendarDao.ExceptionRow> days) {
    }

    /** An id and a name for a select. */
    record Option(long id, String name) {
    }

    CalendarsView view(Page page, List<String> problems, CalendarsAdminResource.Form typed) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Bookings.ZONE);
        return jdbi.withHandle(handle -> {
            CalendarDao calendars = handle.attach(CalendarDao.class);
            List<Shown> shown = new ArrayList<>();
            for (CalendarRow calendar : calendars.all()) {
                List<CalendarDao.HoursRow> rows = calendars.hours(calendar.id());
                List<String> week = new ArrayList<>();
                for (int day = 1; day <= 7; day++) {
                    int weekday = day;
                    week.add(HoursText.format(rows.stream().filter(r -> r.weekday() == weekday)
                        .map(r -> new HoursText.Window(r.startMinute(), r.endMinute()))
                        .toList()));
                }
                shown.add(new Shown(calendar, week, calendars.exceptions(calendar.id(), today)));
            }
            List<Option> departments = handle.createQuery("SELECT id, name FROM departments "
                + "WHERE active ORDER BY name, id").map((rs, ctx) -> new Option(rs.getLong("id"),
                rs.getString("name"))).list();
            List<Option> people = handle.createQuery("SELECT id, name FROM users WHERE active "
                + "ORDER BY name, id").map((rs, ctx) -> new Option(rs.getLong("id"),
                rs.getString("name"))).list();
            return new CalendarsView(page, shown, departments, people, problems, typed);
        });
    }
}
