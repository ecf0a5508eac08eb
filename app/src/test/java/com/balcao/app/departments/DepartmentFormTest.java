package com.balcao.app.departments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DepartmentFormTest {

    @Test
    void slugIsDerivedFromTheNameWithoutAccents() {
        DepartmentForm form = new DepartmentForm("  Pós-Venda & Assistência ", "", "", "10",
            false);

        assertThat(form.cleanSlug()).isEqualTo("pos-venda-assistencia");
        assertThat(form.cleanName()).isEqualTo("Pós-Venda & Assistência");
    }

    @Test
    void keywordsAreTidiedAndTimeoutParsed() {
        DepartmentForm form = new DepartmentForm("X", "Meu Slug", " Boleto,, PIX ,boleto ", "x",
            false);

        assertThat(form.cleanKeywords()).isEqualTo("boleto, pix");
        assertThat(form.cleanSlug()).isEqualTo("meu-slug");
        assertThat(form.timeoutMinutes()).isEqualTo(-1);
    }
}
