package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The editor's form over a flow: saving it unchanged gives back the same flow (what the form
 * cannot show is carried over, not dropped), and what it checks is said next to the field.
 */
class FlowFormTest {

    /** The form as a browser posts it, field names as the editor's template writes them. */
    static MultivaluedMap<String, String> posted(FlowForm form) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        params.add("name", form.name);
        params.add("start", form.start);
        params.add("defaultDepartment", form.defaultDepartment);
        params.add("returnTo", form.returnTo);
        if (form.returning) {
            params.add("returning", "1");
        }
        params.add("maxMisses", form.maxMisses);
        params.add("greetingHours", form.greetingHours);
        params.add("timeoutMinutes", form.timeoutMinutes);
        params.add("onTimeout", form.onTimeout);
        form.texts.forEach((key, value) -> {
            params.add("texts", key);
            params.add("text." + key, value);
        });
        for (int i = 0; i < form.states.size(); i++) {
            FlowForm.StateForm state = form.states.get(i);
            String p = "s" + i + ".";
            params.add(p + "ref", state.ref);
            params.add(p + "id", state.id);
            params.add(p + "title", state.title);
            if (state.say == null) {
                params.add(p + "sayLocked", "1");
            } else {
                state.say.forEach(text -> params.add(p + "say", text));
                params.add(p + "say", "");
            }
            params.add(p + "menuText", state.menuText);
            params.add(p + "style", state.style);
            for (int k = 0; k < state.options.size(); k++) {
                FlowForm.OptionForm option = state.options.get(k);
                String o = p + "o" + k + ".";
                params.add(o + "ref", option.ref);
                params.add(o + "title", option.title);
                params.add(o + "keywords", option.keywords);
                params.add(o + "leads", option.leads);
            }
        }
        return params;
    }

    @Test
    void everyShippedFlowSavedUnchangedIsTheSameFlow() {
        for (String key : FlowJson.SHIPPED) {
            Flow shipped = FlowJson.shipped(key);
            FlowFormCheck.Result result = FlowFormCheck.check(
                FlowForm.parse(posted(FlowForm.of(shipped))), shipped);
            assertThat(result.fields()).as(key).isEmpty();
            assertThat(result.problems()).as(key).isEmpty();
            assertThat(result.flow()).as(key).isEqualTo(shipped);
        }
    }

    @Test
    void aChangedGreetingAndANewOptionKeepWhatTheFormDoesNotShow() {
        Flow mechanic = FlowJson.shipped("mechanic");
        FlowForm form = FlowForm.of(mechanic);
        form.texts.put("greeting", "Oi, *{primeiro_nome}*!");
        FlowForm.OptionForm option = new FlowForm.OptionForm();
        option.title = "Guincho";
        option.keywords = "guincho, reboque";
        option.leads = "handover:comercial";
        form.states.get(0).options.add(option);

        Flow saved = FlowFormCheck.check(FlowForm.parse(posted(form)), mechanic).flow();

        assertThat(saved.texts().get("greeting")).isEqualTo("Oi, *{primeiro_nome}*!");
        assertThat(saved.state("placa").orElseThrow().ask())
            .isEqualTo(mechanic.state("placa").orElseThrow().ask());
        FlowState.Option revision = saved.state("diagnostico").orElseThrow().menu().options()
            .get(1);
        assertThat(revision.then()).as("the label before the goto is kept")
            .isEqualTo(mechanic.state("diagnostico").orElseThrow().menu().options().get(1)
                .then());
        assertThat(saved.state("diagnostico").orElseThrow().menu().options().get(3))
            .isEqualTo(new FlowState.Option(null, "Guincho", null, List.of("guincho",
                "reboque"), List.of(new BotAction.HandOver("comercial"))));
    }

    @Test
    void problemsAreSaidNextToTheirFields() {
        Flow mechanic = FlowJson.shipped("mechanic");
        FlowForm form = FlowForm.of(mechanic);
        form.texts.put("greeting", "Olá, {apelido}!");
        form.states.get(3).options.get(1).leads = "";
        form.states.get(0).options.get(2).title = " ";
        form.maxMisses = "muitas";
        form.states.get(0).options.get(2).leads = "handover";

        FlowFormCheck.Result result = FlowFormCheck.check(FlowForm.parse(posted(form)),
            mechanic);

        assertThat(result.fields().get("text.greeting")).containsExactly(
            "Variável desconhecida: {apelido}. Use uma das variáveis listadas.");
        assertThat(result.fields().get("s3.o1.leads"))
            .containsExactly("Escolha para onde esta opção leva.");
        assertThat(result.fields().get("s0.o2.title")).containsExactly("Dê um título à opção.");
        assertThat(result.fields().get("maxMisses"))
            .containsExactly("Informe um número inteiro de 1 a 10.");
        assertThat(result.fields().get("s4.id")).as("nothing leads to conclusao any more")
            .singleElement().asString().startsWith("Nenhuma opção leva a esta etapa");
        assertThat(result.ok()).isFalse();
    }

    @Test
    void theShapeButtonsAddAndRemoveStatesAndOptionsWithoutLosingWhatWasTyped() {
        FlowForm form = FlowForm.of(FlowJson.shipped("mechanic"));
        form.states.get(0).options.get(0).title = "Problema no carro";
        FormShape.apply(form, "removeOption:0:1");
        FormShape.apply(form, "addOption:3");
        FormShape.apply(form, "removeState:4");
        FormShape.apply(form, "addState");
        FormShape.apply(form, "removeOption:9:9");

        assertThat(form.states.get(0).options).extracting(o -> o.title)
            .containsExactly("Problema no carro", "Meu carro já está na oficina");
        assertThat(form.states.get(3).options).hasSize(3);
        assertThat(form.states).extracting(s -> s.id).containsExactly("diagnostico", "placa",
            "sintoma", "orcamento", "etapa_5");
        assertThat(form.states.get(4).ref).as("a new state has nothing to keep").isEmpty();
    }

    @Test
    void tooManyButtonsAreSaidOnTheLook() {
        Flow mechanic = FlowJson.shipped("mechanic");
        FlowForm form = FlowForm.of(mechanic);
        form.states.get(0).style = "BUTTONS";
        FlowForm.OptionForm fourth = new FlowForm.OptionForm();
        fourth.title = "Outro";
        fourth.leads = "handover";
        form.states.get(0).options.add(fourth);

        assertThat(FlowFormCheck.check(FlowForm.parse(posted(form)), mechanic).fields()
            .get("s0.style")).singleElement().asString().startsWith("O WhatsApp mostra no "
            + "máximo 3 opções assim");
    }
}
