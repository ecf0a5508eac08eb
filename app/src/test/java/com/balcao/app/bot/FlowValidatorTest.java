package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowValidatorTest {

    @Test
    void everyShippedFlowIsValidAndSurvivesAJsonRoundTrip() {
        for (String key : FlowJson.SHIPPED) {
            Flow flow = FlowJson.shipped(key);

            assertThat(FlowValidator.problems(flow)).as(key).isEmpty();
            assertThat(FlowJson.read(FlowJson.write(flow))).as(key).isEqualTo(flow);
            assertThat(flow.key()).isEqualTo(key);
        }
    }

    @Test
    void namesWhatIsWrong() {
        Flow broken = new Flow("x", "X", "start", null, false, null,
            Map.of("t", "Oi {apelido}"), null, List.of(
                new FlowState("start", null, List.of(new BotAction.Say("t")),
                    new FlowState.Menu("t", FlowState.Style.BUTTONS, null, null, null, List.of(
                        new FlowState.Option(null, "Uma opção comprida demais", null, null,
                            List.of(new BotAction.Goto("nowhere"))),
                        new FlowState.Option(null, "Nada", null, null, List.of())), null),
                    null, null, null, null),
                new FlowState("orphan", null, List.of(new BotAction.Say("missing")), null,
                    null, null, null, null)));

        assertThat(FlowValidator.problems(broken)).contains(
            "O botão \"Uma opção comprida demais\" passa de 20 caracteres.",
            "No estado \"start\", \"ir para\" leva a um estado que não existe: nowhere",
            "A opção \"Nada\" do estado \"start\" não leva a nada.",
            "Texto \"missing\" não foi definido.",
            "O texto \"t\" usa a variável desconhecida {apelido}.",
            "O estado \"orphan\" não espera resposta nem encerra (o cliente ficaria sem saída).");
    }

    @Test
    void flagsAnUnreachableState() {
        Flow flow = FlowJson.shipped("department_menu");
        Flow withOrphan = new Flow(flow.key(), flow.name(), flow.start(), null, true, null,
            flow.texts(), flow.triggers(), List.of(flow.states().get(0), new FlowState("orphan",
            null, List.of(new BotAction.HandOver(null)), null, null, null, null, null)));

        assertThat(FlowValidator.problems(withOrphan))
            .containsExactly("O estado \"orphan\" não é alcançável a partir do início.");
    }

    @Test
    void malformedJsonIsAClearError() {
        assertThatThrownBy(() -> FlowJson.read("{\"states\": [{\"say\": [{\"type\": \"fly\"}]}]}"))
            .isInstanceOf(FlowJson.InvalidFlow.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> FlowJson.read("nope")).isInstanceOf(FlowJson.InvalidFlow.class);
    }
}
