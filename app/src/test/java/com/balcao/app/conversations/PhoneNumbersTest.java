package com.balcao.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void aBrazilianMobileWithoutItsNinthDigitGetsIt() {
        assertThat(PhoneNumbers.normalise("551187654321")).isEqualTo("5511987654321");
        assertThat(PhoneNumbers.normalise("5521976543210")).isEqualTo("5521976543210");
        assertThat(PhoneNumbers.normalise("+55 (11) 8765-4321")).isEqualTo("5511987654321");
    }

    @Test
    void landlinesAndOtherCountriesAreLeftAlone() {
        assertThat(PhoneNumbers.normalise("551134567890")).isEqualTo("551134567890");
        assertThat(PhoneNumbers.normalise("447700900123")).isEqualTo("447700900123");
        assertThat(PhoneNumbers.normalise("15550109001")).isEqualTo("15550109001");
        assertThat(PhoneNumbers.normalise(null)).isNull();
        assertThat(PhoneNumbers.normalise("abc")).isNull();
    }

    @Test
    void numbersShowAsPeopleWriteThem() {
        assertThat(PhoneNumbers.display("5511987654321")).isEqualTo("+55 11 98765-4321");
        assertThat(PhoneNumbers.display("551134567890")).isEqualTo("+55 11 3456-7890");
        assertThat(PhoneNumbers.display("447700900123")).isEqualTo("+447700900123");
        assertThat(PhoneNumbers.display(null)).isNull();
    }
}
