package com.balcao.app.bot;

import com.balcao.app.bot.BotEffect.BotMessage;
import com.balcao.app.config.Daos;
import com.balcao.app.conversations.BotBridge;
import com.balcao.app.departments.Department;
import com.balcao.app.departments.DepartmentDao;
import com.balcao.app.whatsapp.Outgoing;
import java.time.Instant;
import java.util.Optional;

/** Carries out the engine's effects through the bridge, inside the bot's locked transaction. */
final class EffectApplier {
    private final BotAi ai;
    private final BotAppointments appointments;

    EffectApplier(BotAi ai, BotAppointments appointments) {
        this.ai = ai;
        this.appointments = appointments;
    }

    /**
     * Applies the outcome's effects; returns the outcome that stands at the end (booking a
     * slot continues the engine with the booking's result, whose effects are applied too).
     */
    Engine.Outcome apply(BotBridge.Held conversation, BotBridge.Moves moves, Flow flow,
                         Engine.Outcome outcome, BotContext context, Instant now) {
        for (BotEffect effect : outcome.effects()) {
            if (effect instanceof BotEffect.Send send) {
                send(moves, send.message());
            } else if (effect instanceof BotEffect.Route route) {
                route(conversation, moves, route.slug(), route.personId());
            } else if (effect instanceof BotEffect.Close) {
                moves.close();
            } else if (effect instanceof BotEffect.Label label) {
                moves.label(label.name());
            } else if (effect instanceof BotEffect.SaveField save) {
                moves.saveField(fieldName(save), save.value());
            } else if (effect instanceof BotEffect.BookSlot book) {
                BotSession session = outcome.session();
                boolean booked = appointments.book(moves.handle(), book.slot(),
                    conversation.contactId(), conversation.id(), session.vars().get("item"),
                    now);
                return apply(conversation, moves, flow, booked
                    ? Engine.booked(flow, session, context, now)
                    : Engine.taken(flow, session, context, now), context, now);
            } else if (effect instanceof BotEffect.AskAi askAi
                && !ai.take(conversation, moves, askAi.department())) {
                route(conversation, moves, askAi.department(), null);
            }
        }
        return outcome;
    }

    private static String fieldName(BotEffect.SaveField save) {
        return switch (save.field()) {
            case EMAIL -> "email";
            case NAME -> "nome";
            default -> save.name();
        };
    }

    /** A department the tenant no longer has (or none named) leaves it where it is. */
    private static void route(BotBridge.Held conversation, BotBridge.Moves moves, String slug,
                              Long personId) {
        Optional<Department> department = slug == null ? Optional.empty()
            : Daos.on(moves.handle(), DepartmentDao.class).findBySlug(slug)
                .filter(Department::active);
        moves.toQueue(department.map(Department::id).orElse(null), personId,
            department.map(Department::name).orElse(conversation.departmentName()));
    }

    static void send(BotBridge.Moves moves, BotMessage message) {
        if (message instanceof BotEffect.Text text) {
            moves.send(new Outgoing.Text(text.body(), false), "text", text.body(), null);
        } else if (message instanceof BotEffect.Buttons buttons) {
            moves.send(new Outgoing.Buttons(null, buttons.body(), null, buttons.buttons().stream()
                .map(row -> new Outgoing.Choice(row.id(), row.title(), null)).toList()),
                "interactive", buttons.body(), null);
        } else if (message instanceof BotEffect.ListMenu list) {
            moves.send(new Outgoing.ListMenu(null, list.body(), null, list.button(),
                list.sections().stream().map(section -> new Outgoing.Section(section.title(),
                    section.rows().stream().map(row -> new Outgoing.Choice(row.id(), row.title(),
                        row.description())).toList())).toList()), "interactive", list.body(),
                null);
        } else if (message instanceof BotEffect.Media media) {
            moves.send(new Outgoing.Media(media.kind(), null, media.link(), media.caption(), null),
                media.kind(), null, media.caption());
        }
    }
}
