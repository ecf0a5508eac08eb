package com.balcao.app.bot;

import com.balcao.app.bot.BotEffect.BotMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The moves every step shares: entering states, running actions, saying texts within the
 * per-minute cap, leaving the bot. Loops of "goto" are cut after a bound, never run forever.
 */
abstract class RunBase {
    private static final int MAX_HOPS = 20;
    final Flow flow;
    final BotContext context;
    final Instant now;
    final List<BotEffect> effects = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    BotSession session;
    boolean greeted;
    private boolean left;
    private int hops;

    RunBase(Flow flow, BotContext context, BotSession session, Instant now) {
        this.flow = flow;
        this.context = context;
        this.session = session;
        this.now = now;
    }

    Engine.Outcome outcome() {
        return new Engine.Outcome(left ? null : session, List.copyOf(effects), List.copyOf(trace),
            greeted);
    }

    void trace(String line) {
        trace.add(line);
    }

    void enter(String stateId) {
        if (left) {
            return;
        }
        Optional<FlowState> found = flow.state(stateId);
        if (found.isEmpty() || ++hops > MAX_HOPS) {
            trace(found.isEmpty() ? "state " + stateId + " does not exist: handing over"
                : "too many steps without an answer: handing over");
            route(null, null, "flow_error");
            return;
        }
        FlowState state = found.get();
        trace("enter " + state.id());
        session = session.in(state.id());
        run(state.say());
        if (left || !session.state().equals(state.id())) {
            return;
        }
        if (state.menu() != null) {
            showMenu(state);
        }
        if (!state.waits()) {
            trace(state.id() + " waits for nothing: handing over");
            route(null, null, "flow_end");
        }
    }

    void enterReturning() {
        BotContext.Returning last = context.returning();
        session = session.in(Engine.RETURNING_STATE)
            .with(Map.of("departamento", last.departmentName()));
        String key = last.personName() != null ? BotTexts.RETURNING_PERSON : BotTexts.RETURNING;
        List<BotEffect.Row> rows = Engine.returningChoices().stream()
            .map(c -> new BotEffect.Row(c.id(), c.title(), null)).toList();
        send(new BotEffect.Buttons(fill(flow.text(key)) + "\n\n1 - Sim\n2 - Não", rows));
    }

    void showMenu(FlowState state) {
        List<Menus.Offered> options = Menus.options(state.menu(), context);
        if (options.isEmpty()) {
            trace(state.id() + " has no options to show: handing over");
            route(null, null, "empty_menu");
            return;
        }
        String body = state.menu().text() == null ? "" : fill(flow.text(state.menu().text()));
        String button = fill(flow.text(state.menu().button() == null ? BotTexts.MENU_BUTTON
            : state.menu().button()));
        send(Menus.render(state.menu(), body, button, options));
    }

    void run(List<BotAction> actions) {
        for (BotAction action : actions) {
            if (left) {
                return;
            }
            if (!act(action)) {
                return;
            }
        }
    }

    /** Runs one action; false when the rest of the list must not run (a goto moved on). */
    private boolean act(BotAction action) {
        if (action instanceof BotAction.Say say) {
            say(say.text());
        } else if (action instanceof BotAction.Media media) {
            send(new BotEffect.Media(media.kind(), media.link(),
                media.caption() == null ? null : fill(flow.text(media.caption()))));
        } else if (action instanceof BotAction.Goto go) {
            enter(go.state());
            return false;
        } else if (action instanceof BotAction.Route route) {
            route(department(route.department()), null, "route");
        } else if (action instanceof BotAction.HandOver handOver) {
            if (effects.stream().noneMatch(e -> e instanceof BotEffect.Send)) {
                say(BotTexts.HANDOVER);
            }
            route(department(handOver.department()), null, "handover");
        } else if (action instanceof BotAction.Label label) {
            effects.add(new BotEffect.Label(label.label()));
        } else if (action instanceof BotAction.Slots slots) {
            offerSlots(department(slots.department()), null);
        } else if (action instanceof BotAction.Ai ai) {
            effects.add(new BotEffect.AskAi(department(ai.department())));
            trace("leave the bot: the AI answers");
            left = true;
        } else if (action instanceof BotAction.End end) {
            if (end.text() != null) {
                say(end.text());
            }
            close("end");
        }
        return true;
    }

    /**
     * Shows the department's next free slots and waits for a pick; without any, says so and
     * hands over to the department. {@code lead} is a text key said first, when given.
     */
    void offerSlots(String department, String lead) {
        List<BotAppointments.FreeSlot> free = context.slots().next(department,
            SlotPicks.OFFERED);
        if (free.isEmpty()) {
            trace("no free slots in " + department);
            say(BotTexts.NO_SLOTS);
            route(department, null, "no_slots");
            return;
        }
        if (lead != null) {
            say(lead);
        }
        trace("offered " + free.size() + " slots of " + department);
        session = session.in(Engine.SLOTS_STATE).with(SlotPicks.vars(department, free));
        send(SlotPicks.message(fill(flow.text(BotTexts.SLOTS)),
            fill(flow.text(BotTexts.SLOTS_BUTTON)), free));
    }

    /** The customer answered the slots offered: book the one picked, or ask again. */
    void answerSlots(Engine.Incoming incoming) {
        String department = SlotPicks.department(session.vars());
        Optional<BotAppointments.FreeSlot> picked = SlotPicks.pick(
            SlotPicks.offered(session.vars()), incoming);
        if (picked.isPresent()) {
            trace("picked slot " + SlotPicks.label(picked.get().start()));
            session = session.missed(0).with(Map.of("horario_marcado",
                SlotPicks.label(picked.get().start()), "profissional", picked.get().who()));
            effects.add(new BotEffect.BookSlot(picked.get()));
            return;
        }
        int misses = session.misses() + 1;
        trace("slot answer not placed (" + misses + " of " + flow.settings().maxMisses() + ")");
        if (misses >= flow.settings().maxMisses()) {
            say(BotTexts.GIVE_UP);
            route(department, null, "not_understood");
            return;
        }
        session = session.missed(misses);
        offerSlots(department, BotTexts.SLOT_NOT_UNDERSTOOD);
    }

    /** "{picked}" is the department chosen in a departments menu; null the flow's default. */
    private String department(String slug) {
        if (slug == null || slug.isBlank()) {
            return flow.defaultDepartment();
        }
        if ("{picked}".equals(slug)) {
            return session.vars().getOrDefault("picked", flow.defaultDepartment());
        }
        return slug;
    }

    void say(String textKey) {
        send(new BotEffect.Text(fill(flow.text(textKey))));
    }

    void send(BotMessage message) {
        Instant minute = session.minuteStart();
        int sent = session.sentInMinute();
        if (minute == null || !now.isBefore(minute.plus(Duration.ofMinutes(1)))) {
            minute = now;
            sent = 0;
        }
        if (sent >= flow.settings().maxPerMinute()) {
            trace("per-minute cap reached: message dropped");
            return;
        }
        session = session.counted(minute, sent + 1);
        effects.add(new BotEffect.Send(message));
    }

    void route(String slug, Long personId, String reason) {
        effects.add(new BotEffect.Route(slug == null ? flow.defaultDepartment() : slug,
            personId, reason));
        trace("leave the bot: " + reason + " → " + (slug == null ? flow.defaultDepartment()
            : slug));
        left = true;
    }

    void close(String reason) {
        effects.add(new BotEffect.Close(reason));
        trace("close: " + reason);
        left = true;
    }

    String fill(String text) {
        return Variables.fill(text, this::value);
    }

    /**
     * One variable: an answer of this conversation first, then what the bot knows (the
     * contact, the business, the catalog, who served them last), then the contact's fields.
     * Only what a text uses is looked up.
     */
    String value(String name) {
        String answered = session.vars().get(name);
        if (answered != null) {
            return answered;
        }
        String known = switch (name) {
            case "nome" -> fullName();
            case "primeiro_nome" -> fullName().isEmpty() ? "" : fullName().split("\\s+")[0];
            case "empresa" -> context.businessName() == null ? "" : context.businessName();
            case "horario" -> context.businessHours() == null ? "" : context.businessHours();
            case "catalogo" -> Menus.catalogText(context);
            case "departamento" -> context.returning() == null ? null
                : context.returning().departmentName();
            case "atendente" -> context.returning() == null ? null
                : context.returning().personName() == null ? ""
                : context.returning().personName();
            default -> null;
        };
        return known != null ? known : context.fields().get(name);
    }

    private String fullName() {
        return context.contactName() == null ? "" : context.contactName().strip();
    }
}
