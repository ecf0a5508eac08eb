package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContactFieldTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    static Stream<Arguments> answers() {
        return Stream.of(
            Arguments.of(ContactField.EMAIL, " Maria.Souza@Exemplo.com.BR ",
                "maria.souza@exemplo.com.br"),
            Arguments.of(ContactField.EMAIL, "maria@exemplo", null),
            Arguments.of(ContactField.EMAIL, "maria souza@exemplo.com", null),
            Arguments.of(ContactField.CPF, "529.982.247-25", "529.982.247-25"),
            Arguments.of(ContactField.CPF, "52998224725", "529.982.247-25"),
            Arguments.of(ContactField.CPF, "529.982.247-24", null),
            Arguments.of(ContactField.CPF, "111.111.111-11", null),
            Arguments.of(ContactField.CPF, "meu cpf é 52998224725", null),
            Arguments.of(ContactField.PLATE, "abc1d23", "ABC1D23"),
            Arguments.of(ContactField.PLATE, "ABC 1234", "ABC-1234"),
            Arguments.of(ContactField.PLATE, "abc-1234", "ABC-1234"),
            Arguments.of(ContactField.PLATE, "AB12345", null),
            Arguments.of(ContactField.DATE, "5/12", "05/12/2026"),
            Arguments.of(ContactField.DATE, "05-12-27", "05/12/2027"),
            Arguments.of(ContactField.DATE, "31/02/2026", null),
            Arguments.of(ContactField.DATE, "amanhã", null),
            Arguments.of(ContactField.NAME, "  Maria   da Silva ", "Maria da Silva"),
            Arguments.of(ContactField.NAME, "12345", null),
            Arguments.of(ContactField.TEXT, "   ", null));
    }

    @ParameterizedTest(name = "{0} \"{1}\" → {2}")
    @MethodSource("answers")
    void acceptsOnlyWhatFits(ContactField field, String answer, String stored) {
        assertThat(field.accept(answer, TODAY).orElse(null)).isEqualTo(stored);
    }
}
