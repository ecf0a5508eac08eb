package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.bot.BotEffect.Route;
import com.balcao.app.bot.BotEffect.Send;
import com.balcao.app.bot.BotEffect.Text;
import com.balcao.app.bot.Engine.Incoming;
import com.balcao.app.bot.Engine.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine without a database: a controllable instant, the shipped flows, plain contexts. */
class EngineTest {
    private static final Instant T0 = Instant.parse("2026-11-30T13:00:00Z");
    private static final Flow MENU = FlowJson.shipped("department_menu");
    private static final List<BotContext.DepartmentChoice> DEPARTMENTS = List.of(
        new BotContext.DepartmentChoice("laboratorio", "Laboratório",
            List.of("laboratório", "exame", "resultado")),
        new BotContext.DepartmentChoice("comercial", "Comercial",
            List.of("comprar", "orçamento", "preço")),
        new BotContext.DepartmentChoice("financeiro", "Financeiro",
            List.of("boleto", "pagamento", "nota fiscal")),
        new BotContext.DepartmentChoice("administrativo", "Administrativo",
            List.of("documentos", "cadastro")));

    private static BotContext context(Instant greetedAt, BotContext.Returning returning) {
        return new BotContext("Maria Souza", "Clínica Demo", "seg a sex, 8h às 18h",
            DEPARTMENTS, List.of(), returning, greetedAt, null);
    }

    private static List<String> texts(Outcome outcome) {
        return outcome.effects().stream().filter(e -> e instanceof Send)
            .map(e -> ((Send) e).message()).map(m -> m instanceof Text t ? t.body()
                : m instanceof BotEffect.Buttons b ? b.body() : m.toString()).toList();
    }

    private static Route route(Outcome outcome) {
        return outcome.effects().stream().filter(e -> e instanceof Route).map(e -> (Route) e)
            .findFirst().orElse(null);
    }

    @Test
    void aNewCustomerIsGreetedAndGetsTheDepartmentsAsANumberedMenu() {
        Outcome outcome = Engine.start(7, MENU, context(null, null), T0);

        assertThat(texts(outcome)).containsExactly(
            "Olá, Maria! 👋 Bem-vindo(a) à Clínica Demo.",
            "Como podemos ajudar? Responda com o número do departamento:\n\n1 - Laboratório\n"
                + "2 - Comercial\n3 - Financeiro\n4 - Administrativo");
        assertThat(outcome.greeted()).isTrue();
        assertThat(outcome.session().state()).isEqualTo("menu");
        assertThat(outcome.session().versionId()).isEqualTo(7);
    }

    @Test
    void greetsAtMostOncePerContactIn24Hours() {
        Outcome again = Engine.start(7, MENU, context(T0.minus(Duration.ofHours(23)), null), T0);
        Outcome dayLater = Engine.start(7, MENU, context(T0.minus(Duration.ofHours(24)), null),
            T0);

        assertThat(texts(again)).hasSize(1).first().asString().startsWith("Como podemos");
        assertThat(again.greeted()).isFalse();
        assertThat(texts(dayLater)).hasSize(2);
    }

    @Test
    void anAnswerRoutesToThePickedDepartment() {
        for (String answer : List.of("1", "lab", "LABORATÓRIO", "quero o laboratorio", "1️⃣")) {
            BotSession session = Engine.start(7, MENU, context(null, null), T0).session();
            Outcome outcome = Engine.answer(MENU, session, context(null, null),
                Incoming.text(answer), T0.plusSeconds(5));

            assertThat(outcome.finished()).as(answer).isTrue();
            assertThat(route(outcome).slug()).as(answer).isEqualTo("laboratorio");
            assertThat(outcome.trace()).as(answer).anyMatch(l -> l.contains("Laboratório"));
        }
    }

    @Test
    void twoUnplacedAnswersSaySoAndHandOverToTheDefaultDepartment() {
        BotSession session = Engine.start(7, MENU, context(null, null), T0).session();
        Outcome first = Engine.answer(MENU, session, context(null, null),
            Incoming.text("qual o horário de vocês?"), T0.plusSeconds(5));

        assertThat(first.finished()).isFalse();
        assertThat(texts(first).get(0)).startsWith("Desculpe, não entendi");
        assertThat(texts(first).get(1)).contains("1 - Laboratório");

        Outcome second = Engine.answer(MENU, first.session(), context(null, null),
            Incoming.text("???"), T0.plusSeconds(10));

        assertThat(second.finished()).isTrue();
        assertThat(texts(second)).containsExactly("Não consegui entender. Vou passar sua "
            + "conversa para a nossa equipe, que já vai te responder. 🙂");
        assertThat(route(second)).isEqualTo(new Route(null, null, "not_understood"));
    }

    @Test
    void aPlacedAnswerResetsTheMissCount() {
        Flow law = FlowJson.shipped("law_firm");
        BotContext context = context(null, null);
        BotSession session = Engine.start(1, law, context, T0).session();
        Outcome miss = Engine.answer(law, session, context, Incoming.text("hmm"), T0);
        Outcome picked = Engine.answer(law, miss.session(), context, Incoming.text("2"), T0);

        assertThat(picked.session().misses()).isZero();
        assertThat(picked.session().state()).isEqualTo("coleta_nome");
        assertThat(picked.effects()).contains(new BotEffect.Label("Família"));
    }

    @Test
    void aReturningCustomerIsAskedFirstAndYesGoesBackToTheirDepartmentAndPerson() {
        BotContext.Returning last = new BotContext.Returning("laboratorio", "Laboratório", null,
            null);
        Outcome start = Engine.start(7, MENU, context(T0, last), T0);

        assertThat(texts(start)).containsExactly("Olá, Maria! Você foi atendido pelo "
            + "Laboratório. Deseja voltar a falar com eles?\n\n1 - Sim\n2 - Não");
        Outcome yes = Engine.answer(MENU, start.session(), context(T0, last),
            Incoming.text("1"), T0);
        assertThat(route(yes)).isEqualTo(new Route("laboratorio", null, "returning"));

        BotContext.Returning withAna = new BotContext.Returning("laboratorio", "Laboratório",
            42L, "Ana");
        Outcome yesAna = Engine.answer(MENU, Engine.start(7, MENU, context(T0, withAna), T0)
            .session(), context(T0, withAna), new Incoming("", "returning:yes"), T0);
        assertThat(route(yesAna).personId()).isEqualTo(42L);
    }

    @Test
    void noShowsTheMenuInstead() {
        BotContext.Returning last = new BotContext.Returning("laboratorio", "Laboratório", null,
            null);
        Outcome start = Engine.start(7, MENU, context(T0, last), T0);
        Outcome no = Engine.answer(MENU, start.session(), context(T0, last),
            Incoming.text("Não"), T0);

        assertThat(no.finished()).isFalse();
        assertThat(no.session().state()).isEqualTo("menu");
        assertThat(texts(no).get(0)).contains("1 - Laboratório");
    }

    @Test
    void capsBotMessagesPerConversationPerMinute() {
        Flow chatty = new Flow("chatty", "x", "a", null, false,
            new Flow.Settings(2, 24, 3, 30, null, null), java.util.Map.of("t", "oi"), null,
            List.of(new FlowState("a", null, List.of(new BotAction.Say("t"),
                new BotAction.Say("t"), new BotAction.Say("t"), new BotAction.Say("t")),
                new FlowState.Menu("t", FlowState.Style.TEXT, null, null, null,
                    List.of(new FlowState.Option(null, "De novo", null, null,
                        List.of(new BotAction.Goto("a")))), null), null, null, null, null)));
        Outcome first = Engine.start(1, chatty, context(T0, null), T0);

        assertThat(texts(first)).hasSize(3);
        assertThat(first.trace()).anyMatch(l -> l.contains("cap"));
        Outcome sameMinute = Engine.answer(chatty, first.session(), context(T0, null),
            Incoming.text("1"), T0.plusSeconds(30));
        assertThat(texts(sameMinute)).isEmpty();
        Outcome nextMinute = Engine.answer(chatty, first.session(), context(T0, null),
            Incoming.text("1"), T0.plusSeconds(61));
        assertThat(texts(nextMinute)).hasSize(3);
    }

    @Test
    void inactivityTimeoutQueuesOrClosesAsTheStateSays() {
        BotSession session = Engine.start(7, MENU, context(null, null), T0).session();

        assertThat(Engine.timeoutAt(MENU, session)).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(Engine.expire(MENU, session, context(null, null), T0.plusSeconds(1799)))
            .isEmpty();
        Outcome queued = Engine.expire(MENU, session, context(null, null),
            T0.plusSeconds(1800)).orElseThrow();
        assertThat(queued.finished()).isTrue();
        assertThat(route(queued).reason()).isEqualTo("timeout");

        Flow detective = FlowJson.shipped("detective");
        BotSession secret = Engine.start(1, detective, context(null, null), T0).session();
        Outcome closed = Engine.expire(detective, secret, context(null, null),
            T0.plus(Duration.ofMinutes(20))).orElseThrow();
        assertThat(closed.effects()).contains(new BotEffect.Close("timeout"));
    }

    @Test
    void askStoresAValidatedAnswerAndRepeatsTheQuestionOnABadOne() {
        Flow mechanic = FlowJson.shipped("mechanic");
        BotContext context = context(T0, null);
        BotSession session = Engine.answer(mechanic, Engine.start(1, mechanic, context, T0)
            .session(), context, Incoming.text("1"), T0).session();
        assertThat(session.state()).isEqualTo("placa");

        Outcome bad = Engine.answer(mechanic, session, context, Incoming.text("não sei"), T0);
        assertThat(texts(bad)).containsExactly("Não reconheci essa placa. Envie no formato "
            + "ABC-1234 ou ABC1D23.");
        Outcome good = Engine.answer(mechanic, bad.session(), context, Incoming.text("abc1d23"),
            T0);
        assertThat(good.effects()).contains(new BotEffect.SaveField(ContactField.PLATE, "placa",
            "ABC1D23"));
        assertThat(good.session().state()).isEqualTo("sintoma");
    }

    @Test
    void aGlobalKeywordHandsOverFromAnyState() {
        Flow mechanic = FlowJson.shipped("mechanic");
        BotSession session = Engine.start(1, mechanic, context(T0, null), T0).session();
        Outcome outcome = Engine.answer(mechanic, session, context(T0, null),
            Incoming.text("preciso de um guincho urgente"), T0);

        assertThat(outcome.effects()).containsExactly(new BotEffect.Label("Guincho"),
            new Send(new Text("Certo! Vou passar sua conversa para a nossa equipe. Em instantes "
                + "alguém te responde.")), new Route(null, null, "handover"));
    }

    @Test
    void catalogMenusListItemsAndCarryThePickedOne() {
        Flow store = FlowJson.shipped("iphone_store");
        BotContext context = new BotContext("Jo", "Loja", null, List.of(), List.of(
            new BotContext.CatalogChoice("a1", "iPhone 15 128 GB", "Preto, novo", "R$ 4.999,00",
                null),
            new BotContext.CatalogChoice("a2", "iPhone 14 128 GB", "Azul", "R$ 3.999,00",
                null)), null, T0, null);
        Outcome consulta = Engine.answer(store, Engine.start(1, store, context, T0).session(),
            context, Incoming.text("quero ver os modelos"), T0);

        BotEffect.ListMenu list = (BotEffect.ListMenu) ((Send) consulta.effects().get(0))
            .message();
        assertThat(list.sections().get(0).rows()).extracting(BotEffect.Row::title)
            .containsExactly("iPhone 15 128 GB", "iPhone 14 128 GB");
        Outcome orcamento = Engine.answer(store, consulta.session(), context,
            new Incoming("iPhone 14 128 GB", "item:a2"), T0);
        assertThat(texts(orcamento).get(0)).startsWith("*iPhone 14 128 GB* sai por R$ 3.999,00.");
    }

    @Test
    void aSessionOnAnOldVersionKeepsItsStateWhenTheStateStillExists() {
        BotSession session = Engine.start(7, MENU, context(T0, null), T0).session();
        Flow edited = MENU.withText("menu", "Escolha:");
        Outcome outcome = Engine.answer(edited, session, context(T0, null),
            Incoming.text("xyz"), T0);

        assertThat(outcome.session().versionId()).isEqualTo(7);
        assertThat(texts(outcome).get(1)).startsWith("Escolha:");
    }
}
