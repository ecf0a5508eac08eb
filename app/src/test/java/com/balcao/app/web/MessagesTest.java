package com.balcao.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyTextExistsInBothLanguages() {
        assertThat(Messages.of(Messages.EN).all().keySet())
            .containsExactlyInAnyOrderElementsOf(Messages.of(Messages.PT_BR).all().keySet());
    }

    @Test
    void portugueseIsTheDefaultAndArgumentsAreFilled() {
        assertThat(Messages.of("fr").languageTag()).isEqualTo(Messages.PT_BR);
        assertThat(Messages.of(Messages.PT_BR).get("login_locked", "10:15"))
            .isEqualTo("Conta temporariamente bloqueada após várias tentativas sem sucesso. "
                + "Tente novamente depois das 10:15.");
        assertThat(Messages.of(Messages.EN).get("login_invalid"))
            .isEqualTo("Wrong e-mail or password.");
    }
}
