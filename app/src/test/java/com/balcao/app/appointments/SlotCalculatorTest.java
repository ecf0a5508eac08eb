package com.balcao.app.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.appointments.SlotCalculator.Busy;
import com.balcao.app.appointments.SlotCalculator.DayException;
import com.balcao.app.appointments.SlotCalculator.Hours;
import com.balcao.app.appointments.SlotCalculator.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlotCalculatorTest {
    private static final ZoneId SP = ZoneId.of("America/Sao_Paulo");
    /** Monday to Friday 9:00–12:00 and 14:00–16:00; hour-long slots. */
    private static final List<Hours> WEEK = Stream.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
        .flatMap(d -> Stream.of(new Hours(d, 9 * 60, 12 * 60), new Hours(d, 14 * 60, 16 * 60)))
        .toList();

    static Stream<Arguments> cases() {
        // 2026-12-04 is a Friday.
        return Stream.of(
            Arguments.of("before opening: the day's first slots", "2026-12-01T07:00", 60,
                List.of(), List.of(), List.of("2026-12-01T09:00", "2026-12-01T10:00",
                    "2026-12-01T11:00", "2026-12-01T14:00")),
            Arguments.of("a slot partly past is not offered", "2026-12-01T09:10", 60,
                List.of(), List.of(), List.of("2026-12-01T10:00", "2026-12-01T11:00",
                    "2026-12-01T14:00", "2026-12-01T15:00")),
            Arguments.of("Friday afternoon runs over the weekend to Monday",
                "2026-12-04T15:30", 60, List.of(), List.of(), List.of("2026-12-07T09:00",
                    "2026-12-07T10:00", "2026-12-07T11:00", "2026-12-07T14:00")),
            Arguments.of("a closed day is skipped", "2026-12-01T17:00", 60,
                List.of(new DayException(LocalDate.parse("2026-12-02"), true, null, null)),
                List.of(), List.of("2026-12-03T09:00", "2026-12-03T10:00",
                    "2026-12-03T11:00", "2026-12-03T14:00")),
            Arguments.of("a day with other hours uses them, even on a Saturday",
                "2026-12-04T17:00", 60,
                List.of(new DayException(LocalDate.parse("2026-12-05"), false, 8 * 60, 10 * 60)),
                List.of(), List.of("2026-12-05T08:00", "2026-12-05T09:00",
                    "2026-12-07T09:00", "2026-12-07T10:00")),
            Arguments.of("booked slots are skipped", "2026-12-01T07:00", 60, List.of(),
                List.of("2026-12-01T09:00", "2026-12-01T11:00"), List.of("2026-12-01T10:00",
                    "2026-12-01T14:00", "2026-12-01T15:00", "2026-12-02T09:00")),
            Arguments.of("a 45-minute grid leaves the window's tail unused",
                "2026-12-01T13:00", 45, List.of(), List.of(), List.of("2026-12-01T14:00",
                    "2026-12-01T14:45", "2026-12-02T09:00", "2026-12-02T09:45")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void offersTheNextFreeSlots(String why, String now, int minutes, List<DayException> days,
                                List<String> booked, List<String> expected) {
        Schedule schedule = new Schedule(minutes, WEEK, days);
        List<Busy> busy = booked.stream().map(SlotCalculatorTest::at)
            .map(start -> new Busy(start, start.plusSeconds(minutes * 60L))).toList();

        List<Instant> free = SlotCalculator.next(schedule, busy, at(now), SP, 4);

        assertThat(free).as(why).containsExactlyElementsOf(
            expected.stream().map(SlotCalculatorTest::at).toList());
    }

    @ParameterizedTest(name = "{0} on grid: {1}")
    @MethodSource("grid")
    void knowsItsOwnSlots(String start, boolean onGrid) {
        assertThat(SlotCalculator.onGrid(new Schedule(60, WEEK, List.of()), at(start), SP))
            .isEqualTo(onGrid);
    }

    static Stream<Arguments> grid() {
        return Stream.of(Arguments.of("2026-12-01T09:00", true),
            Arguments.of("2026-12-01T09:30", false), Arguments.of("2026-12-01T12:00", false),
            Arguments.of("2026-12-05T09:00", false), Arguments.of("2026-12-01T15:00", true));
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SP).toInstant();
    }
}
