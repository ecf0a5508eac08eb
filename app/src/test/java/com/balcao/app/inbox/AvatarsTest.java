package com.balcao.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AvatarsTest {

    @Test
    void initialsAreTheFirstAndLastNamesLettersOrTheNumbersLastDigits() {
        assertThat(Avatars.initials("maria da silva")).isEqualTo("MS");
        assertThat(Avatars.initials("Élis")).isEqualTo("É");
        assertThat(Avatars.initials("  João  <b>Prado</b> ")).isEqualTo("J");
        assertThat(Avatars.initials("+55 11 98765-4321")).isEqualTo("21");
        assertThat(Avatars.initials("")).isEqualTo("?");
    }

    @Test
    void aPersonKeepsTheirColour() {
        assertThat(Avatars.hue("5511987654321")).isEqualTo(Avatars.hue("5511987654321"))
            .isBetween(0, Avatars.HUES - 1);
    }
}
