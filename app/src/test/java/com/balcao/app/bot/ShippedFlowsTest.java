package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.bot.Engine.Incoming;
import com.balcao.app.bot.Engine.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each shipped niche flow walked through its stages as a customer would: with a bad answer on
 * the way, ending in a hand-over (with what was collected) — and left idle, timing out.
 */
class ShippedFlowsTest {
    private static final Instant T0 = Instant.parse("2026-11-30T13:00:00Z");
    private static final BotContext CONTEXT = new BotContext("João Lima", "Loja Teste", null,
        List.of(new BotContext.DepartmentChoice("vendas", "Vendas", List.of())),
        List.of(new BotContext.CatalogChoice("a1", "iPhone 15", "Novo", "R$ 4.999,00",
            null), new BotContext.CatalogChoice("a2", "Alongamento em gel", "2 h", "R$ 150,00",
            null)), null, null, null);

    static Stream<Arguments> walks() {
        return Stream.of(
            Arguments.of("iphone_store", List.of("oi", "quero ver os preços", "xyz", "1", "1",
                "pix"), List.of("consulta", "orcamento"), List.of("Venda")),
            Arguments.of("law_firm", List.of("boa tarde", "demissão sem justa causa",
                "João Lima", "joao@", "joao@exemplo.com.br", "Fui demitido ontem", "2"),
                List.of("coleta_nome", "coleta_email", "coleta_relato", "documentos"),
                List.of("Trabalhista")),
            Arguments.of("mechanic", List.of("oi", "meu carro está fazendo barulho", "ABC12",
                "abc1d23", "barulho ao frear", "2"), List.of("placa", "sintoma", "orcamento"),
                List.of()),
            Arguments.of("nail_designer", List.of("oi", "1", "2", "1"),
                List.of("catalogo", "servico"), List.of()),
            Arguments.of("detective", List.of("olá", "sim", "4", "Ana", "ana@exemplo.com",
                "Preciso localizar um parente"), List.of("coleta", "nome", "email", "relato"),
                List.of("Proposta")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walks")
    void walksToAHandOver(String key, List<String> answers, List<String> stages,
                          List<String> labels) {
        Flow flow = FlowJson.shipped(key);
        BotSession session = null;
        List<String> visited = new ArrayList<>();
        List<BotEffect> effects = new ArrayList<>();
        Instant now = T0;
        for (String answer : answers) {
            Outcome outcome = session == null ? Engine.start(1, flow, CONTEXT, now)
                : Engine.answer(flow, session, CONTEXT, Incoming.text(answer), now);
            effects.addAll(outcome.effects());
            assertThat(outcome.effects()).as(key + " answers \"" + answer + "\"").isNotEmpty();
            session = outcome.session();
            if (session != null) {
                visited.add(session.state());
            }
            now = now.plusSeconds(20);
        }
        assertThat(session).as(key + " ends with the bot out of the conversation").isNull();
        assertThat(visited).as(key).containsAll(stages);
        assertThat(effects.stream().filter(e -> e instanceof BotEffect.Route).count()).as(key)
            .isEqualTo(1);
        for (String label : labels) {
            assertThat(effects).as(key).contains(new BotEffect.Label(label));
        }
    }

    @ParameterizedTest(name = "{0} times out")
    @MethodSource("keys")
    void anIdleConversationTimesOut(String key) {
        Flow flow = FlowJson.shipped(key);
        BotSession session = Engine.start(1, flow, CONTEXT, T0).session();
        Instant due = Engine.timeoutAt(flow, session);

        assertThat(Engine.expire(flow, session, CONTEXT, due.minusSeconds(1))).isEmpty();
        Outcome expired = Engine.expire(flow, session, CONTEXT, due).orElseThrow();
        assertThat(expired.finished()).isTrue();
        assertThat(due).isAfter(T0.plus(Duration.ofMinutes(5)));
    }

    static Stream<String> keys() {
        return FlowJson.SHIPPED.stream();
    }
}
