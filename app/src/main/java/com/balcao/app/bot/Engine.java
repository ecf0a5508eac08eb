package com.balcao.app.bot;

import com.balcao.app.bot.FlowState.Ask;
import com.balcao.app.bot.FlowState.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bot as a pure function: (flow version, session, context, customer message, time) →
 * what to send and do, and the next session. No database, no clock of its own, so every rule
 * (never stuck, one greeting a day, the per-minute cap, timeouts) is tested in plain unit tests.
 */
public final class Engine {
    static final String RETURNING_STATE = "__returning";
    static final String SLOTS_STATE = "__slots";
    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private Engine() {
    }

    /** A customer's message: its text, and the id of the button or list row they tapped. */
    public record Incoming(String text, String replyId) {
        public static Incoming text(String text) {
            return new Incoming(text, null);
        }
    }

    /**
     * The result of one step. {@code session} is null once the bot is done with the
     * conversation (routed, handed over, closed). {@code greeted}: the greeting went out now.
     */
    public record Outcome(BotSession session, List<BotEffect> effects, List<String> trace,
                          boolean greeted) {
        public boolean finished() {
            return session == null;
        }
    }

    /** A conversation the bot takes: greeting (once a day), the returning question or menu. */
    public static Outcome start(long versionId, Flow flow, BotContext context, Instant now) {
        Run run = new Run(flow, context, BotSession.start(versionId, now), now);
        if (greetingDue(flow, context, now) && flow.texts().containsKey(BotTexts.GREETING)) {
            run.say(BotTexts.GREETING);
            run.greeted = true;
        }
        if (flow.returning() && context.returning() != null) {
            run.trace("returning customer: " + context.returning().departmentName());
            run.enterReturning();
        } else {
            run.enter(flow.start());
        }
        return run.outcome();
    }

    /** Starts at a chosen state (a person returning the conversation to the bot chose it). */
    public static Outcome startAt(long versionId, Flow flow, String state, BotContext context,
                                  Instant now) {
        Run run = new Run(flow, context, BotSession.start(versionId, now), now);
        run.enter(state);
        return run.outcome();
    }

    /** The customer answered; the session is where the conversation stood. */
    public static Outcome answer(Flow flow, BotSession session, BotContext context,
                                 Incoming incoming, Instant now) {
        if (session.state() == null) {
            return start(session.versionId(), flow, context, now);
        }
        Run run = new Run(flow, context, session.active(now), now);
        run.answer(incoming == null ? Incoming.text("") : incoming);
        return run.outcome();
    }

    /** The slot the customer picked is theirs: confirm it and hand over to the department. */
    public static Outcome booked(Flow flow, BotSession session, BotContext context,
                                 Instant now) {
        Run run = new Run(flow, context, session, now);
        run.say(BotTexts.SLOT_BOOKED);
        run.route(SlotPicks.department(session.vars()), null, "booked");
        return run.outcome();
    }

    /** Someone got the slot first: say so and offer the slots free now. */
    public static Outcome taken(Flow flow, BotSession session, BotContext context,
                                Instant now) {
        Run run = new Run(flow, context, session, now);
        run.trace("slot taken meanwhile");
        run.offerSlots(SlotPicks.department(session.vars()), BotTexts.SLOT_TAKEN);
        return run.outcome();
    }

    /** When the session's state gives up waiting. */
    public static Instant timeoutAt(Flow flow, BotSession session) {
        Integer minutes = flow.state(session.state()).map(FlowState::timeoutMinutes).orElse(null);
        int effective = minutes == null || minutes <= 0 ? flow.settings().timeoutMinutes()
            : minutes;
        return session.lastActivityAt().plus(Duration.ofMinutes(effective));
    }

    /** The inactivity timeout, once passed: to the default queue or closed, as the state says. */
    public static Optional<Outcome> expire(Flow flow, BotSession session, BotContext context,
                                           Instant now) {
        if (now.isBefore(timeoutAt(flow, session))) {
            return Optional.empty();
        }
        Flow.TimeoutOutcome outcome = flow.state(session.state()).map(FlowState::onTimeout)
            .orElse(null);
        Run run = new Run(flow, context, session, now);
        run.trace("timeout in " + session.state());
        if ((outcome == null ? flow.settings().onTimeout() : outcome)
            == Flow.TimeoutOutcome.CLOSE) {
            run.say(BotTexts.TIMEOUT_CLOSE);
            run.close("timeout");
        } else {
            run.say(BotTexts.TIMEOUT_QUEUE);
            run.route(null, null, "timeout");
        }
        return Optional.of(run.outcome());
    }

    static boolean greetingDue(Flow flow, BotContext context, Instant now) {
        return context.greetedAt() == null || !context.greetedAt()
            .plus(Duration.ofHours(flow.settings().greetingHours())).isAfter(now);
    }

    /** One step's work: effects in order, the session as it changes, and a trace. */
    static final class Run extends RunBase {
        Run(Flow flow, BotContext context, BotSession session, Instant now) {
            super(flow, context, session, now);
        }

        void answer(Incoming incoming) {
            if (RETURNING_STATE.equals(session.state())) {
                answerReturning(incoming);
                return;
            }
            if (SLOTS_STATE.equals(session.state())) {
                if (!trigger(flow.triggers(), incoming, "flow trigger")) {
                    answerSlots(incoming);
                }
                return;
            }
            Optional<FlowState> found = flow.state(session.state());
            if (found.isEmpty()) {
                trace("state " + session.state() + " no longer exists: starting over");
                enter(flow.start());
                return;
            }
            FlowState state = found.get();
            if (state.menu() != null && pickOption(state, incoming)) {
                return;
            }
            if (trigger(state.triggers(), incoming, "state trigger")
                || trigger(flow.triggers(), incoming, "flow trigger")) {
                return;
            }
            if (state.ask() != null) {
                ask(state, state.ask(), incoming);
                return;
            }
            miss(state, BotTexts.NOT_UNDERSTOOD);
        }

        private boolean pickOption(FlowState state, Incoming incoming) {
            List<Menus.Offered> options = Menus.options(state.menu(), context);
            Optional<Matcher.Match> match = Matcher.match(options.stream()
                .map(Menus.Offered::choice).toList(), true, incoming.text(), incoming.replyId());
            if (match.isEmpty()) {
                return false;
            }
            Menus.Offered picked = options.get(match.get().index());
            trace("matched option " + (match.get().index() + 1) + " \"" + picked.title()
                + "\" by " + match.get().how() + " (" + match.get().detail() + ")");
            session = session.missed(0).with(picked.vars());
            run(picked.then());
            return true;
        }

        private boolean trigger(List<Trigger> triggers, Incoming incoming, String what) {
            List<Matcher.Choice> choices = triggers.stream().map(t -> new Matcher.Choice(null,
                null, t.kind() == FlowState.TriggerKind.KEYWORD ? t.values() : List.of(),
                t.kind() == FlowState.TriggerKind.REGEX ? t.values() : List.of())).toList();
            Optional<Matcher.Match> match = Matcher.match(choices, false, incoming.text(), null);
            match.ifPresent(m -> {
                trace("matched " + what + " by " + m.how() + " (" + m.detail() + ")");
                session = session.missed(0);
                run(triggers.get(m.index()).then());
            });
            return match.isPresent();
        }

        private void ask(FlowState state, Ask ask, Incoming incoming) {
            Optional<String> value = ask.field().accept(incoming.text(),
                LocalDate.ofInstant(now, ZONE));
            if (value.isEmpty()) {
                trace("answer does not fit " + ask.field());
                miss(state, ask.invalid() == null ? BotTexts.INVALID : ask.invalid());
                return;
            }
            trace("accepted " + ask.field() + " \"" + value.get() + "\" into " + ask.target());
            effects.add(new BotEffect.SaveField(ask.field(), ask.target(), value.get()));
            session = session.missed(0).with(Map.of(ask.target(), value.get(), "resposta",
                value.get()));
            run(ask.then());
        }

        private void answerReturning(Incoming incoming) {
            BotContext.Returning last = context.returning();
            List<Matcher.Choice> yesNo = returningChoices();
            Optional<Matcher.Match> match = Matcher.match(yesNo, true, incoming.text(),
                incoming.replyId());
            if (match.isEmpty() || last == null) {
                int misses = session.misses() + 1;
                if (misses >= flow.settings().maxMisses() || last == null) {
                    trace("returning answer not placed: showing the menu");
                    session = session.missed(0);
                    enter(flow.start());
                } else {
                    session = session.missed(misses);
                    say(BotTexts.NOT_UNDERSTOOD);
                    enterReturning();
                }
                return;
            }
            trace("returning answer " + (match.get().index() == 0 ? "yes" : "no") + " by "
                + match.get().how());
            if (match.get().index() == 0) {
                session = session.with(Map.of("departamento", last.departmentName()));
                say(BotTexts.ROUTED);
                route(last.departmentSlug(), last.personId(), "returning");
            } else {
                enter(flow.start());
            }
        }

        /** Unplaced answer: say so and show the choices again; after too many, hand over. */
        private void miss(FlowState state, String textKey) {
            int misses = session.misses() + 1;
            trace("answer not placed (" + misses + " of " + flow.settings().maxMisses() + ")");
            if (misses >= flow.settings().maxMisses()) {
                say(BotTexts.GIVE_UP);
                route(null, null, "not_understood");
                return;
            }
            session = session.missed(misses);
            say(textKey);
            if (state.menu() != null) {
                showMenu(state);
            }
        }
    }

    static List<Matcher.Choice> returningChoices() {
        return List.of(
            new Matcher.Choice("returning:yes", "Sim", List.of("sim", "s", "claro", "pode",
                "isso", "ok", "yes", "voltar", "quero voltar"), List.of()),
            new Matcher.Choice("returning:no", "Não", List.of("nao", "n", "no", "outro",
                "outra", "menu", "opcoes"), List.of()));
    }
}
