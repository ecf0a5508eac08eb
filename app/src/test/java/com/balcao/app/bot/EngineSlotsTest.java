package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.bot.BotAppointments.FreeSlot;
import com.balcao.app.bot.Engine.Incoming;
import com.balcao.app.bot.Engine.Outcome;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nail designer's booking step in the engine: slots offered, picked, booked or taken. */
class EngineSlotsTest {
    private static final ZoneId SP = ZoneId.of("America/Sao_Paulo");
    private static final Instant NOW = at("2026-11-30T10:00");
    private static final Flow NAILS = FlowJson.shipped("nail_designer");
    private static final List<FreeSlot> FREE = List.of(
        new FreeSlot(3, at("2026-12-01T14:00"), "Ana"),
        new FreeSlot(3, at("2026-12-01T15:00"), "Ana"),
        new FreeSlot(4, at("2026-12-02T14:00"), "Bia"));
    private final List<String> asked = new ArrayList<>();

    private BotContext context(List<FreeSlot> free) {
        return new BotContext("Maria Souza", "Studio", null, List.of(), List.of(
            new BotContext.CatalogChoice("gel", "Unha em gel", null, "R$ 120,00", null)),
            null, NOW, null, (department, count) -> {
                asked.add(department + "/" + count);
                return free;
            });
    }

    private Outcome offered(List<FreeSlot> free) {
        BotSession session = Engine.start(1, NAILS, context(free), NOW).session();
        for (String answer : List.of("2", "1")) {
            session = Engine.answer(NAILS, session, context(free), Incoming.text(answer), NOW)
                .session();
        }
        assertThat(asked).as("slots are looked up only when offered").isEmpty();
        return Engine.answer(NAILS, session, context(free), Incoming.text("sim"), NOW);
    }

    @Test
    void offersTheFreeSlotsAsAListWithTheProfessional() {
        Outcome outcome = offered(FREE);

        BotEffect.ListMenu list = (BotEffect.ListMenu) ((BotEffect.Send) outcome.effects()
            .get(0)).message();
        assertThat(list.sections().get(0).rows()).extracting(BotEffect.Row::title)
            .containsExactly("Ter 01/12 14:00", "Ter 01/12 15:00", "Qua 02/12 14:00");
        assertThat(list.sections().get(0).rows()).extracting(BotEffect.Row::description)
            .containsExactly("Ana", "Ana", "Bia");
        assertThat(outcome.session().state()).isEqualTo(Engine.SLOTS_STATE);
        assertThat(asked).containsExactly("null/" + SlotPicks.OFFERED);
    }

    @Test
    void placesAPickByTapNumberOrTime() {
        BotSession waiting = offered(FREE).session();
        List<Incoming> answers = List.of(new Incoming("Qua 02/12 14:00", "slot:4:"
                + at("2026-12-02T14:00").getEpochSecond()), Incoming.text("3"),
            Incoming.text("quarta 14:00"), Incoming.text("02/12 às 14h"));
        for (Incoming answer : answers) {
            Outcome outcome = Engine.answer(NAILS, waiting, context(FREE), answer, NOW);
            assertThat(outcome.effects()).as(answer.text())
                .containsExactly(new BotEffect.BookSlot(FREE.get(2)));
        }
        Outcome byHour = Engine.answer(NAILS, waiting, context(FREE), Incoming.text("15h"), NOW);
        assertThat(byHour.effects()).containsExactly(new BotEffect.BookSlot(FREE.get(1)));
    }

    @Test
    void bookedSaysWhenAndWithWhomAndHandsOver() {
        BotSession picked = Engine.answer(NAILS, offered(FREE).session(), context(FREE),
            Incoming.text("15h"), NOW).session();

        Outcome booked = Engine.booked(NAILS, picked, context(FREE), NOW);

        assertThat(booked.effects()).first().isEqualTo(new BotEffect.Send(new BotEffect.Text(
            "Agendado: Ter 01/12 15:00 com Ana. Nossa equipe vai confirmar por aqui. Até lá!")));
        assertThat(booked.effects()).last().isInstanceOf(BotEffect.Route.class);
        assertThat(booked.finished()).isTrue();
    }

    @Test
    void takenMeanwhileSaysSoAndOffersAgain() {
        BotSession picked = Engine.answer(NAILS, offered(FREE).session(), context(FREE),
            Incoming.text("terça 14h"), NOW).session();

        Outcome taken = Engine.taken(NAILS, picked, context(FREE.subList(1, 3)), NOW);

        assertThat(taken.effects()).hasSize(2);
        assertThat(((BotEffect.Text) ((BotEffect.Send) taken.effects().get(0)).message()).body())
            .startsWith("Poxa, esse horário acabou de ser reservado");
        assertThat(SlotPicks.offered(taken.session().vars())).isEqualTo(FREE.subList(1, 3));
    }

    @Test
    void unplacedAnswersAreMissesThenTheTeamTakesOver() {
        BotSession waiting = offered(FREE).session();
        Outcome first = Engine.answer(NAILS, waiting, context(FREE), Incoming.text("14h"), NOW);
        assertThat(first.effects()).hasSize(2).noneMatch(e -> e instanceof BotEffect.Route);

        Outcome second = Engine.answer(NAILS, first.session(), context(FREE),
            Incoming.text("sei lá"), NOW);

        assertThat(second.finished()).isTrue();
        assertThat(second.effects()).last().isInstanceOf(BotEffect.Route.class);
    }

    @Test
    void withoutFreeSlotsTheTeamTakesOver() {
        Outcome outcome = offered(List.of());

        assertThat(outcome.finished()).isTrue();
        assertThat(((BotEffect.Text) ((BotEffect.Send) outcome.effects().get(0)).message())
            .body()).startsWith("No momento não há horários livres");
        assertThat(outcome.effects()).last().isEqualTo(new BotEffect.Route(null, null,
            "no_slots"));
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SP).toInstant();
    }
}
