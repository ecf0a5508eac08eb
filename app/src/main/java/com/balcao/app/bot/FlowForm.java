package com.balcao.app.bot;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flow editor's form as typed: what a shop owner changes without JSON. Each state and
 * option keeps a reference ({@code ref}) to the one it was built from, so what the form does
 * not show (questions, patterns, media, labels…) is carried over when saving.
 */
final class FlowForm {
    String name = "";
    String start = "";
    String defaultDepartment = "";
    String returnTo = "";
    boolean returning;
    String maxMisses = "";
    String greetingHours = "";
    String timeoutMinutes = "";
    String onTimeout = "";
    /** Text key → text, in the order shown. */
    final Map<String, String> texts = new LinkedHashMap<>();
    String newTextKey = "";
    String newTextValue = "";
    final List<StateForm> states = new ArrayList<>();

    /** One state card. {@code say} is null when the state's messages are not form-editable. */
    static final class StateForm {
        String ref = "";
        String id = "";
        String title = "";
        List<String> say = new ArrayList<>();
        String menuText = "";
        String style = FlowState.Style.AUTO.name();
        final List<OptionForm> options = new ArrayList<>();
    }

    /** One menu option; {@code leads} is where it goes ({@link Leads}). */
    static final class OptionForm {
        String ref = "";
        String title = "";
        String keywords = "";
        String leads = "";
    }

    /** Reads the posted form ({@code s0.id}, {@code s0.o1.title}, {@code text.greeting}…). */
    static FlowForm parse(MultivaluedMap<String, String> params) {
        FlowForm form = new FlowForm();
        form.name = one(params, "name");
        form.start = one(params, "start");
        form.defaultDepartment = one(params, "defaultDepartment");
        form.returnTo = one(params, "returnTo");
        form.returning = params.containsKey("returning");
        form.maxMisses = one(params, "maxMisses");
        form.greetingHours = one(params, "greetingHours");
        form.timeoutMinutes = one(params, "timeoutMinutes");
        form.onTimeout = one(params, "onTimeout");
        for (String key : params.getOrDefault("texts", List.of())) {
            form.texts.put(key, one(params, "text." + key));
        }
        form.newTextKey = one(params, "newTextKey").strip();
        form.newTextValue = one(params, "newTextValue");
        for (int i = 0; params.containsKey("s" + i + ".ref"); i++) {
            String p = "s" + i + ".";
            StateForm state = new StateForm();
            state.ref = one(params, p + "ref");
            state.id = one(params, p + "id").strip();
            state.title = one(params, p + "title").strip();
            state.say = params.containsKey(p + "sayLocked") ? null : new ArrayList<>(
                params.getOrDefault(p + "say", List.of()).stream().filter(s -> !s.isBlank())
                    .toList());
            state.menuText = one(params, p + "menuText");
            state.style = one(params, p + "style");
            for (int k = 0; params.containsKey(p + "o" + k + ".ref"); k++) {
                String o = p + "o" + k + ".";
                OptionForm option = new OptionForm();
                option.ref = one(params, o + "ref");
                option.title = one(params, o + "title").strip();
                option.keywords = one(params, o + "keywords");
                option.leads = one(params, o + "leads");
                state.options.add(option);
            }
            form.states.add(state);
        }
        return form;
    }

    /** The form for a flow as it stands. */
    static FlowForm of(Flow flow) {
        FlowForm form = new FlowForm();
        form.name = flow.name() == null ? "" : flow.name();
        form.start = flow.start() == null ? "" : flow.start();
        form.defaultDepartment = flow.defaultDepartment() == null ? ""
            : flow.defaultDepartment();
        Flow.Settings settings = flow.settings();
        form.returnTo = settings.returnTo() == null ? "" : settings.returnTo();
        form.returning = flow.returning();
        form.maxMisses = String.valueOf(settings.maxMisses());
        form.greetingHours = String.valueOf(settings.greetingHours());
        form.timeoutMinutes = String.valueOf(settings.timeoutMinutes());
        form.onTimeout = settings.onTimeout().name();
        textsInOrderOfUse(flow).forEach(key -> form.texts.put(key, flow.texts().get(key)));
        BotTexts.DEFAULTS.keySet().stream().sorted().forEach(key ->
            form.texts.putIfAbsent(key, BotTexts.DEFAULTS.get(key)));
        for (FlowState state : flow.states()) {
            StateForm card = new StateForm();
            card.ref = state.id();
            card.id = state.id();
            card.title = state.title() == null ? "" : state.title();
            card.say = state.say().stream().allMatch(a -> a instanceof BotAction.Say)
                ? new ArrayList<>(state.say().stream().map(a -> ((BotAction.Say) a).text())
                    .toList()) : null;
            if (state.menu() != null) {
                card.menuText = state.menu().text() == null ? "" : state.menu().text();
                card.style = state.menu().style().name();
                int k = 0;
                for (FlowState.Option option : state.menu().options()) {
                    OptionForm row = new OptionForm();
                    row.ref = String.valueOf(k++);
                    row.title = option.title() == null ? "" : option.title();
                    row.keywords = String.join(", ", option.keywords());
                    row.leads = Leads.code(option.then());
                    card.options.add(row);
                }
            }
            form.states.add(card);
        }
        return form;
    }

    /** The greeting, then the texts as the states use them, then any other, by name. */
    private static List<String> textsInOrderOfUse(Flow flow) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        keys.add(BotTexts.GREETING);
        for (FlowState state : flow.states()) {
            state.say().stream().filter(a -> a instanceof BotAction.Say)
                .forEach(a -> keys.add(((BotAction.Say) a).text()));
            if (state.menu() != null && state.menu().text() != null) {
                keys.add(state.menu().text());
            }
        }
        new java.util.TreeSet<>(flow.texts().keySet()).forEach(keys::add);
        keys.retainAll(flow.texts().keySet());
        return List.copyOf(keys);
    }

    private static String one(MultivaluedMap<String, String> params, String key) {
        String value = params.getFirst(key);
        return value == null ? "" : value;
    }
}
