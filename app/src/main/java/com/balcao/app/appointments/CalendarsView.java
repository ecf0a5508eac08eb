package com.balcao.app.appointments;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The calendars page: each calendar's form and exceptions, and a form for a new one. */
final class CalendarsView extends PageView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final List<CalendarPages.Shown> calendars;
    private final List<CalendarPages.Option> departments;
    private final List<CalendarPages.Option> people;
    private final List<String> problems;
    private final CalendarsAdminResource.Form typed;

    CalendarsView(Page page, List<CalendarPages.Shown> calendars,
                  List<CalendarPages.Option> departments, List<CalendarPages.Option> people,
                  List<String> problems, CalendarsAdminResource.Form typed) {
        super("calendars.mustache", page, "calendars_title", "calendars");
        this.calendars = calendars;
        this.departments = departments;
        this.people = people;
        this.problems = problems == null ? List.of() : problems;
        this.typed = typed;
    }

    /** A select option. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** A weekday's hours field. */
    public record Day(String field, String label, String hours) {
    }

    /** An exception as listed. */
    public record DayOff(String day, String shown, String hours) {
    }

    /** A calendar with what its edit form needs. */
    public record Item(long id, String name, String department, String who, int slotMinutes,
                       boolean active, List<Choice> departments, List<Choice> people,
                       List<Day> days, List<DayOff> exceptions) {
    }

    public List<Item> getItems() {
        return calendars.stream().map(shown -> {
            CalendarRow c = shown.calendar();
            return new Item(c.id(), c.name(), c.departmentName(), c.who(), c.slotMinutes(),
                c.active(), choices(departments, String.valueOf(c.departmentId())),
                choices(people, c.userId() == null ? "" : String.valueOf(c.userId())),
                days(shown.hours()), shown.days().stream().map(e -> new DayOff(
                    e.day().toString(), DAY.format(e.day()), e.closed() ? null
                    : HoursText.time(e.startMinute()) + "-" + HoursText.time(e.endMinute())))
                .toList());
        }).toList();
    }

    public boolean getHasItems() {
        return !calendars.isEmpty();
    }

    /** The new-calendar form starts open when there is none yet or it was refused. */
    public boolean getOpenForm() {
        return calendars.isEmpty() || !problems.isEmpty();
    }

    public List<String> getProblems() {
        return problems;
    }

    public String getTypedName() {
        return typed == null ? "" : Objects.toString(typed.name, "");
    }

    public String getTypedSlot() {
        return typed == null ? "30" : Objects.toString(typed.slotMinutes, "");
    }

    public List<Choice> getDepartments() {
        return choices(departments, typed == null ? "" : typed.department);
    }

    public List<Choice> getPeople() {
        return choices(people, typed == null ? "" : typed.professional);
    }

    /** The new calendar's weekly hours: as typed, else a usual shop week. */
    public List<Day> getNewDays() {
        if (typed == null) {
            String weekday = "09:00-12:00, 14:00-18:00";
            return days(List.of(weekday, weekday, weekday, weekday, weekday, "09:00-12:00", ""));
        }
        return days(typed.typed().hours().stream().map(h -> h == null ? "" : h).toList());
    }

    private List<Day> days(List<String> hours) {
        List<Day> days = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            days.add(new Day("hours" + day, page().text("calendars_day_" + day),
                hours.get(day - 1)));
        }
        return days;
    }

    private static List<Choice> choices(List<CalendarPages.Option> options, String selected) {
        return options.stream().map(o -> new Choice(String.valueOf(o.id()), o.name(),
            String.valueOf(o.id()).equals(selected))).toList();
    }
}
