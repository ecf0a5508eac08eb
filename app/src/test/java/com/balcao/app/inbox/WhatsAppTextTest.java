package com.balcao.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages show WhatsApp's formatting in the panel, and nothing else a customer could inject. */
class WhatsAppTextTest {

    @Test
    void showsWhatsAppFormatting() {
        assertThat(WhatsAppText.toHtml("*Ana - Comercial*:\nOlá, _tudo bem_? ~R$ 90~ R$ 80 ```ok```"))
            .isEqualTo("<strong>Ana - Comercial</strong>:\nOlá, <em>tudo bem</em>? "
                + "<del>R$ 90</del> R$ 80 <code>ok</code>");
    }

    @Test
    void leavesLoneMarkersAndWordsWithMarkersAlone() {
        assertThat(WhatsAppText.toHtml("2*3*4 e nome_do_arquivo_final.pdf e * solto *"))
            .isEqualTo("2*3*4 e nome_do_arquivo_final.pdf e * solto *");
    }

    @Test
    void hostileTextStaysText() {
        String html = WhatsAppText.toHtml("*<img src=x onerror=alert(1)>* \"><script>alert(1)</script> {{7*7}}");
        assertThat(html).doesNotContain("<img").doesNotContain("<script").doesNotContain("\"")
            .startsWith("<strong>&lt;img src&#61;x onerror&#61;alert(1)&gt;</strong>")
            .contains("&quot;&gt;&lt;script&gt;").contains("{{7*7}}");
    }

    @Test
    void previewsDropTheSignatureAndTheMarkers() {
        assertThat(WhatsAppText.preview("*Ana Souza - Comercial*:\nOi *Márcia*, _já_ chegou"))
            .isEqualTo("Oi Márcia, já chegou");
        assertThat(WhatsAppText.preview("*Promoção*: só hoje")).isEqualTo("Promoção: só hoje");
        assertThat(WhatsAppText.preview("<b>x</b> 2*3*4")).isEqualTo("<b>x</b> 2*3*4");
    }
}
