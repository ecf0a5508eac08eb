package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real phrasings customers send to the demo's department menu, and where each must land. */
class MatcherTest {
    private static final List<Matcher.Choice> MENU = List.of(
        new Matcher.Choice("dep:laboratorio", "Laboratório",
            List.of("laboratório", "exame", "resultado"), List.of()),
        new Matcher.Choice("dep:comercial", "Comercial",
            List.of("comprar", "orçamento", "preço"), List.of()),
        new Matcher.Choice("dep:financeiro", "Financeiro",
            List.of("boleto", "pagamento", "nota fiscal"), List.of()),
        new Matcher.Choice("dep:administrativo", "Administrativo",
            List.of("documentos", "cadastro"), List.of()));

    static Stream<Arguments> phrasings() {
        return Stream.of(
            Arguments.of("1", "Laboratório"),
            Arguments.of(" 1 ", "Laboratório"),
            Arguments.of("1.", "Laboratório"),
            Arguments.of("1)", "Laboratório"),
            Arguments.of("*2*", "Comercial"),
            Arguments.of("1️⃣", "Laboratório"),
            Arguments.of("3⃣", "Financeiro"),
            Arguments.of("um", "Laboratório"),
            Arguments.of("Dois", "Comercial"),
            Arguments.of("TRÊS", "Financeiro"),
            Arguments.of("quatro!", "Administrativo"),
            Arguments.of("opção 2", "Comercial"),
            Arguments.of("Opcao 3", "Financeiro"),
            Arguments.of("a primeira", "Laboratório"),
            Arguments.of("lab", "Laboratório"),
            Arguments.of("Lab.", "Laboratório"),
            Arguments.of("LABORATÓRIO", "Laboratório"),
            Arguments.of("laboratorio", "Laboratório"),
            Arguments.of("Laboratorio!!!", "Laboratório"),
            Arguments.of("quero o laboratorio", "Laboratório"),
            Arguments.of("quero falar com o financeiro", "Financeiro"),
            Arguments.of("Bom dia, preciso da segunda via do boleto", "Financeiro"),
            Arguments.of("qual o preço do exame de sangue?", null),
            Arguments.of("Gostaria de saber o resultado do meu exame", "Laboratório"),
            Arguments.of("preciso da NOTA FISCAL", "Financeiro"),
            Arguments.of("  quero    COMPRAR   ", "Comercial"),
            Arguments.of("fin", "Financeiro"),
            Arguments.of("adm", "Administrativo"),
            Arguments.of("2\n\nEnviado do meu iPhone", "Comercial"),
            Arguments.of("Maria Souza\nEmpresa XPTO\n4", "Administrativo"),
            Arguments.of("Boa tarde!\n3\n--\nJoão da Silva | Contabilidade", "Financeiro"),
            Arguments.of("*Carlos - Vendas*:\n1", "Laboratório"),
            Arguments.of("5", null),
            Arguments.of("0", null),
            Arguments.of("tenho 2 filhos", null),
            Arguments.of("oi", null),
            Arguments.of("bom dia", null),
            Arguments.of("", null),
            Arguments.of("🙂", null),
            Arguments.of("1\n2", null),
            Arguments.of("meu pedido 12345", null));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @MethodSource("phrasings")
    void placesWhatCustomersActuallyWrite(String text, String expected) {
        Optional<Matcher.Match> match = Matcher.match(MENU, true, text, null);

        assertThat(match.map(m -> MENU.get(m.index()).title()).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "reply id {0}")
    @MethodSource("replies")
    void aTappedButtonOrListRowWinsOverItsText(String replyId, String text, String expected) {
        assertThat(Matcher.match(MENU, true, text, replyId).map(m -> MENU.get(m.index()).title())
            .orElse(null)).isEqualTo(expected);
    }

    static Stream<Arguments> replies() {
        return Stream.of(
            Arguments.of("dep:financeiro", "Financeiro", "Financeiro"),
            Arguments.of("dep:comercial", "1", "Comercial"),
            Arguments.of("dep:unknown", "lab", "Laboratório"));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @MethodSource("yesNo")
    void yesOrNo(String text, String expected) {
        List<Matcher.Choice> choices = Engine.returningChoices();

        assertThat(Matcher.match(choices, true, text, null).map(m -> choices.get(m.index())
            .title()).orElse(null)).isEqualTo(expected);
    }

    static Stream<Arguments> yesNo() {
        return Stream.of(
            Arguments.of("1", "Sim"), Arguments.of("Sim", "Sim"), Arguments.of("SIM!", "Sim"),
            Arguments.of("s", "Sim"), Arguments.of("sim, por favor", "Sim"),
            Arguments.of("2", "Não"), Arguments.of("não", "Não"), Arguments.of("NAO", "Não"),
            Arguments.of("nao obrigado", "Não"), Arguments.of("quero outro setor", "Não"),
            Arguments.of("sim não", null), Arguments.of("talvez", null));
    }

    @ParameterizedTest(name = "pattern on \"{0}\"")
    @MethodSource("patterns")
    void regexTriggersReadTheRawText(String text, boolean matches) {
        List<Matcher.Choice> triggers = List.of(new Matcher.Choice(null, null, List.of(),
            List.of("\\b[A-Z]{3}-?\\d[A-Z0-9]\\d{2}\\b")));

        assertThat(Matcher.match(triggers, false, text, null)).isEqualTo(matches
            ? Optional.of(new Matcher.Match(0, Matcher.How.REGEX, triggers.get(0).patterns()
            .get(0))) : Optional.empty());
    }

    static Stream<Arguments> patterns() {
        return Stream.of(Arguments.of("a placa é ABC1D23", true),
            Arguments.of("placa abc-1234", true), Arguments.of("sem placa", false));
    }
}
