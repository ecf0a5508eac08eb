package com.balcao.app.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a menu option leads, as the editor's select says it: {@code state:ID} (another
 * state), {@code handover} or {@code handover:SLUG} (people, of the default or a given
 * department), {@code route:SLUG}, {@code slots}, {@code ai}, {@code end}. It is the option's
 * last action; the actions before it (a label, a text) are kept as they are.
 */
final class Leads {
    static final String STATE = "state:";
    static final String HANDOVER = "handover";
    static final String ROUTE = "route:";
    static final String SLOTS = "slots";
    static final String AI = "ai";
    static final String END = "end";

    private Leads() {
    }

    /** The code of the option's destination, "" when it ends on an action that stays. */
    static String code(List<BotAction> then) {
        return then.isEmpty() ? "" : code(then.get(then.size() - 1)).orElse("");
    }

    /** The actions before the destination (all of them when nothing leads anywhere). */
    static List<BotAction> before(List<BotAction> then) {
        return code(then).isEmpty() ? then : then.subList(0, then.size() - 1);
    }

    static Optional<String> code(BotAction action) {
        if (action instanceof BotAction.Goto go) {
            return Optional.of(STATE + go.state());
        }
        if (action instanceof BotAction.HandOver handOver) {
            return Optional.of(withSlug(HANDOVER, handOver.department()));
        }
        if (action instanceof BotAction.Route route) {
            return Optional.of(ROUTE + route.department());
        }
        if (action instanceof BotAction.Slots slots) {
            return Optional.of(withSlug(SLOTS, slots.department()));
        }
        if (action instanceof BotAction.Ai ai) {
            return Optional.of(withSlug(AI, ai.department()));
        }
        if (action instanceof BotAction.End end) {
            return Optional.of(end.text() == null ? END : END + ":" + end.text());
        }
        return Optional.empty();
    }

    /** The action a code stands for; empty for "" or a code this editor does not know. */
    static Optional<BotAction> action(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String kind = code.contains(":") ? code.substring(0, code.indexOf(':')) : code;
        String arg = code.contains(":") ? code.substring(code.indexOf(':') + 1) : null;
        BotAction action = switch (kind) {
            case "state" -> new BotAction.Goto(arg);
            case HANDOVER -> new BotAction.HandOver(arg);
            case "route" -> new BotAction.Route(arg);
            case SLOTS -> new BotAction.Slots(arg);
            case AI -> new BotAction.Ai(arg);
            case END -> new BotAction.End(arg);
            default -> null;
        };
        return Optional.ofNullable(action);
    }

    /** The option's actions: those kept from before, then where it now leads. */
    static List<BotAction> then(List<BotAction> kept, String code) {
        List<BotAction> then = new ArrayList<>(kept);
        action(code).ifPresent(then::add);
        return then;
    }

    private static String withSlug(String kind, String slug) {
        return slug == null || slug.isBlank() ? kind : kind + ":" + slug;
    }
}
