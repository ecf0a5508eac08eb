package com.balcao.app.appointments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A calendar's free slots, as a pure function of its weekly hours, its exceptions, what is
 * booked and the earliest start allowed (now plus the lead time). Slots lie on a grid from the
 * start of each opening window, in the tenant's zone.
 */
final class SlotCalculator {
    static final int HORIZON_DAYS = 60;

    private SlotCalculator() {
    }

    /** Opening hours on a weekday, minutes since midnight; several rows make a split day. */
    record Hours(DayOfWeek weekday, int startMinute, int endMinute) {
    }

    /** A day off ({@code closed}) or a day with other hours than the week's. */
    record DayException(LocalDate day, boolean closed, Integer startMinute, Integer endMinute) {
    }

    /** A booked interval that no free slot may overlap. */
    public record Busy(Instant start, Instant end) {
    }

    record Schedule(int slotMinutes, List<Hours> hours, List<DayException> exceptions) {
        Schedule {
            hours = List.copyOf(hours);
            exceptions = List.copyOf(exceptions);
        }
    }

    /** The first {@code count} free slot starts at or after {@code earliest}. */
    static List<Instant> next(Schedule schedule, List<Busy> busy, Instant earliest, ZoneId zone,
                              int count) {
        List<Instant> free = new ArrayList<>();
        if (schedule.slotMinutes() <= 0 || count <= 0) {
            return free;
        }
        LocalDate day = LocalDate.ofInstant(earliest, zone);
        for (int i = 0; i <= HORIZON_DAYS && free.size() < count; i++, day = day.plusDays(1)) {
            for (Hours window : windows(schedule, day)) {
                for (int minute = window.startMinute();
                     minute + schedule.slotMinutes() <= window.endMinute()
                         && free.size() < count; minute += schedule.slotMinutes()) {
                    Instant start = day.atStartOfDay(zone).plusMinutes(minute).toInstant();
                    Instant end = start.plusSeconds(schedule.slotMinutes() * 60L);
                    if (!start.isBefore(earliest) && busy.stream().noneMatch(
                        b -> b.start().isBefore(end) && start.isBefore(b.end()))) {
                        free.add(start);
                    }
                }
            }
        }
        return free;
    }

    /** Whether {@code start} is a slot of the schedule (on the grid, inside opening hours). */
    static boolean onGrid(Schedule schedule, Instant start, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(start, zone);
        long minute = java.time.Duration.between(day.atStartOfDay(zone).toInstant(), start)
            .toMinutes();
        return schedule.slotMinutes() > 0 && windows(schedule, day).stream().anyMatch(w ->
            minute >= w.startMinute() && minute + schedule.slotMinutes() <= w.endMinute()
                && (minute - w.startMinute()) % schedule.slotMinutes() == 0);
    }

    private static List<Hours> windows(Schedule schedule, LocalDate day) {
        Optional<DayException> exception = schedule.exceptions().stream()
            .filter(e -> e.day().equals(day)).findFirst();
        if (exception.isPresent()) {
            DayException e = exception.get();
            return e.closed() || e.startMinute() == null || e.endMinute() == null ? List.of()
                : List.of(new Hours(day.getDayOfWeek(), e.startMinute(), e.endMinute()));
        }
        return schedule.hours().stream().filter(h -> h.weekday() == day.getDayOfWeek())
            .sorted(java.util.Comparator.comparingInt(Hours::startMinute)).toList();
    }
}
