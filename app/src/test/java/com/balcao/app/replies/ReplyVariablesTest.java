package com.balcao.app.replies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyVariablesTest {

    @Test
    void fillsKnownVariablesAndLeavesTyposVisible() {
        String filled = ReplyVariables.fill(
            "Olá {primeiro_nome}! Aqui é {atendente}, do {departamento}. {nomee} $1 \\",
            ReplyVariables.of("  Maria  da Silva ", "Ana", "Comercial"));

        assertThat(filled).isEqualTo("Olá Maria! Aqui é Ana, do Comercial. {nomee} $1 \\");
    }

    @Test
    void missingNameLeavesTheVariableEmpty() {
        assertThat(ReplyVariables.fill("Oi {primeiro_nome}!", ReplyVariables.of(null, "A", "B")))
            .isEqualTo("Oi !");
    }
}
