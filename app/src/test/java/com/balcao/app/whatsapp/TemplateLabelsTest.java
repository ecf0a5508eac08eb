package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.web.Messages;
import org.junit.jupiter.api.Test;

class TemplateLabelsTest {
    private static final Messages PT = Messages.of(Messages.PT_BR);
    private static final Messages EN = Messages.of(Messages.EN);

    @Test
    void metaWordsReadInThePagesLanguage() {
        assertThat(TemplateViews.label(PT, "wa_template_status_", "APPROVED")).isEqualTo("Aprovado");
        assertThat(TemplateViews.label(PT, "wa_template_category_", "UTILITY"))
            .isEqualTo("Utilidade");
        assertThat(TemplateViews.label(EN, "wa_template_status_", "PENDING"))
            .isEqualTo("Pending review");
    }

    @Test
    void everyCategoryTheFormOffersHasALabel() {
        for (String category : TemplateForm.CATEGORIES) {
            assertThat(TemplateViews.label(PT, "wa_template_category_", category))
                .isNotEqualTo(category.toLowerCase()).doesNotContain("wa_template");
        }
    }

    @Test
    void aWordMetaAddsLaterShowsAsMetaWroteIt() {
        assertThat(TemplateViews.label(PT, "wa_template_status_", "SOMETHING_NEW"))
            .isEqualTo("SOMETHING_NEW");
        assertThat(TemplateViews.label(PT, "wa_template_status_", null)).isEmpty();
    }
}
