package com.balcao.app.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContactFormTest {

    private static ContactForm form(String name, String email, List<String> keys,
                                    List<String> values) {
        return ContactForm.of(name, email, keys, values);
    }

    @Test
    void rowsPairByPositionKeepTheirOrderAndAnEmptyKeyDropsTheRow() {
        ContactForm form = form(" Ana ", " ana@example.com ", List.of("Zona", " ", "CPF"),
            List.of(" Norte ", "descartado", "123"));

        assertThat(form.problems()).isEmpty();
        assertThat(form.name()).isEqualTo("Ana");
        assertThat(form.emailOrNull()).isEqualTo("ana@example.com");
        assertThat(form.fields()).containsExactly(new ContactForm.Field("Zona", "Norte"),
            new ContactForm.Field("CPF", "123"));
        assertThat(form("Ana", "", null, null).emailOrNull()).isNull();
    }

    @Test
    void eachRuleHasItsMessage() {
        assertThat(form("  ", "", List.of(), List.of()).problems())
            .containsExactly("contact_panel_name_invalid");
        assertThat(form("x".repeat(256), "", List.of(), List.of()).problems())
            .containsExactly("contact_panel_name_invalid");
        for (String email : List.of("ana", "ana@", "ana@example", "a na@example.com")) {
            assertThat(form("Ana", email, List.of(), List.of()).problems())
                .containsExactly("contact_panel_email_invalid");
        }
        assertThat(form("Ana", "", List.of("k".repeat(41)), List.of("v")).problems())
            .containsExactly("contact_panel_field_too_long");
        assertThat(form("Ana", "", List.of("k"), List.of("v".repeat(501))).problems())
            .containsExactly("contact_panel_field_too_long");
        assertThat(form("Ana", "", List.of("CPF", "CPF"), List.of("1", "2")).problems())
            .containsExactly("contact_panel_field_duplicate");
        List<String> keys = IntStream.rangeClosed(1, 21).mapToObj(i -> "k" + i).toList();
        assertThat(form("Ana", "", keys, Collections.nCopies(21, "v")).problems())
            .containsExactly("contact_panel_fields_too_many");
        assertThat(form("Ana", "", keys.subList(0, 20), Collections.nCopies(20, "v")).problems())
            .isEmpty();
    }

    @Test
    void lengthsCountCharactersAsPeopleDo() {
        assertThat(form("😀".repeat(255), "", List.of("😀".repeat(40)),
            List.of("😀".repeat(500))).problems()).isEmpty();
    }
}
