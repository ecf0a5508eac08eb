package com.balcao.app.bot;

import com.balcao.app.catalog.CatalogDao;

import com.balcao.app.bot.BotEffect.BotMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Plays a flow against typed messages without WhatsApp: each step shows what the bot would
 * send, what it would do, the state it would wait in, and which trigger matched and why.
 */
final class BotConsole {
    private final Jdbi jdbi;
    private final FlowStore flows;
    private final String businessName;
    private final Clock clock;

    BotConsole(Jdbi jdbi, FlowStore flows, String businessName, Clock clock) {
        this.jdbi = jdbi;
        this.flows = flows;
        this.businessName = businessName;
        this.clock = clock;
    }

    /** One customer message and the bot's answer to it. */
    record Step(String customer, List<String> bot, List<String> actions, String state,
                List<String> why) {
    }

    List<Step> play(Flow flow, List<String> messages) {
        FlowValidator.require(flow);
        BotContext context = jdbi.withHandle(handle -> new BotContext("Cliente Teste",
            businessName, null, handle.attach(MenuDepartmentDao.class).menu().stream()
            .map(BotContexts::choice).toList(), handle.attach(CatalogDao.class).offered()
            .stream().map(BotContexts::choice).toList(), null, null, null));
        Instant now = clock.instant();
        List<Step> steps = new ArrayList<>();
        BotSession session = null;
        for (String message : messages) {
            if (session == null && !steps.isEmpty()) {
                steps.add(new Step(message, List.of(), List.of(), null,
                    List.of("o robô já saiu da conversa")));
                continue;
            }
            Engine.Outcome outcome = session == null ? Engine.start(0, flow, context, now)
                : Engine.answer(flow, session, context, Engine.Incoming.text(message), now);
            steps.add(step(message, outcome));
            session = outcome.session();
            context = new BotContext(context.contactName(), context.businessName(), null,
                context.departments(), context.catalog(), null, now, null);
            now = now.plusSeconds(61);
        }
        return steps;
    }

    /** The active or a named flow, as published; a shipped one may be tried before installing. */
    Flow flow(String key) {
        if (key != null && !key.isBlank() && flows.published(key).isEmpty()
            && FlowJson.SHIPPED.contains(key)) {
            return FlowJson.shipped(key);
        }
        return (key == null || key.isBlank() ? flows.active() : flows.published(key))
            .map(FlowStore.Version::flow).orElseThrow(() -> BotApi.notFound("flow"));
    }

    private static Step step(String message, Engine.Outcome outcome) {
        List<String> bot = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (BotEffect effect : outcome.effects()) {
            if (effect instanceof BotEffect.Send send) {
                bot.add(preview(send.message()));
            } else {
                actions.add(effect.toString());
            }
        }
        return new Step(message, bot, actions, outcome.session() == null ? null
            : outcome.session().state(), outcome.trace());
    }

    /** A message as the customer's phone shows it (buttons and rows as lines). */
    static String preview(BotMessage message) {
        if (message instanceof BotEffect.Text text) {
            return text.body();
        }
        if (message instanceof BotEffect.Buttons buttons) {
            StringBuilder shown = new StringBuilder(buttons.body());
            buttons.buttons().forEach(b -> shown.append("\n[ ").append(b.title()).append(" ]"));
            return shown.toString();
        }
        if (message instanceof BotEffect.ListMenu list) {
            StringBuilder shown = new StringBuilder(list.body()).append("\n[ ")
                .append(list.button()).append(" ]");
            list.sections().forEach(s -> s.rows().forEach(r -> shown.append("\n• ")
                .append(r.title())));
            return shown.toString();
        }
        BotEffect.Media media = (BotEffect.Media) message;
        return "(" + media.kind() + ") " + media.link()
            + (media.caption() == null ? "" : "\n" + media.caption());
    }
}
