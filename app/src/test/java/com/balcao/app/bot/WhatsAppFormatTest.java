package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The preview reads WhatsApp's formatting marks the way the customer's phone does. */
class WhatsAppFormatTest {

    /** A line as "[styles]text" runs, for short assertions. */
    private static String shown(String text) {
        return WhatsAppFormat.lines(text).stream().map(line -> line.spans().stream()
            .map(s -> s.styles().isEmpty() ? s.text() : "[" + s.styles() + "]" + s.text())
            .collect(Collectors.joining("|"))).collect(Collectors.joining("\n"));
    }

    @Test
    void boldItalicStrikeAndMonospace() {
        assertThat(shown("Olá, *Maria*! _Bem-vinda_ ~caro~ ```code```"))
            .isEqualTo("Olá, |[wa-b]Maria|! |[wa-i]Bem-vinda| |[wa-s]caro| |[wa-mono]code");
    }

    @Test
    void marksNest() {
        assertThat(shown("*negrito _e itálico_*"))
            .isEqualTo("[wa-b]negrito |[wa-b wa-i]e itálico");
    }

    @Test
    void marksThatDoNotFormatStayAsTyped() {
        assertThat(shown("2*3*4 e snake_case_word")).isEqualTo("2*3*4 e snake_case_word");
        assertThat(shown("* solto * e *aberto")).isEqualTo("* solto * e *aberto");
        assertThat(shown("**")).isEqualTo("**");
    }

    @Test
    void eachLineBreakIsALine() {
        List<Bubble.Line> lines = WhatsAppFormat.lines("um\n\n*dois*\r\ntrês");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1).spans()).isEmpty();
        assertThat(shown("um\n\n*dois*\r\ntrês")).isEqualTo("um\n\n[wa-b]dois\ntrês");
    }

    @Test
    void markupIsKeptAsTextForTheTemplateToEscape() {
        assertThat(shown("<script>alert(1)</script> *<b>*"))
            .isEqualTo("<script>alert(1)</script> |[wa-b]<b>");
    }
}
