package com.balcao.app.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HoursTextTest {

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "09:00-12:00, 14:00-18:00 | 09:00-12:00, 14:00-18:00",
        "14h-18h; 9h-12h | 09:00-12:00, 14:00-18:00",
        "8 às 12 | 08:00-12:00",
        "7:30 - 11:45 | 07:30-11:45",
        "18:00-24:00 | 18:00-24:00"})
    void readsWhatPeopleType(String typed, String shown) {
        assertThat(HoursText.parse(typed).map(HoursText::format)).contains(shown);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"9h às meio-dia", "12:00-09:00", "09:00-12:00, 11:00-13:00",
        "25:00-26:00", "09:61-10:00", "09:00"})
    void refusesWhatDoesNotRead(String typed) {
        assertThat(HoursText.parse(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankIsADayWithoutService(String typed) {
        assertThat(HoursText.parse(typed)).contains(List.of());
    }
}
