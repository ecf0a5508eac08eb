package com.balcao.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSnippetTest {

    @Test
    void marksEverySearchedWordWhateverItsCase() {
        assertThat(SearchSnippet.html("O boleto de Novembro venceu", List.of("bolet", "novembro")))
            .isEqualTo("O <mark>bolet</mark>o de <mark>Novembro</mark> venceu");
    }

    @Test
    void startsShortlyBeforeAMatchDeepInALongMessage() {
        String text = "Bom dia! ".repeat(20) + "Preciso da segunda via do boleto, por favor. "
            + "Obrigada! ".repeat(20);
        String html = SearchSnippet.html(text, List.of("boleto"));
        assertThat(html).startsWith("…").endsWith("…").contains("<mark>boleto</mark>");
        assertThat(html.replaceAll("<[^>]+>", "").length()).isLessThanOrEqualTo(92);
    }

    @Test
    void hostileTextStaysTextAroundTheMarks() {
        assertThat(SearchSnippet.html("<img src=x onerror=alert(1)> &amp; \"", List.of("amp",
            "onerror")))
            .isEqualTo("&lt;img src&#61;x <mark>onerror</mark>&#61;alert(1)&gt; "
                + "&amp;<mark>amp</mark>; &quot;");
    }

    @Test
    void withoutTermsItIsTheEscapedStartOfTheMessage() {
        assertThat(SearchSnippet.html("*Ana - Comercial*:\nOi <b>", List.of()))
            .isEqualTo("Oi &lt;b&gt;");
    }
}
