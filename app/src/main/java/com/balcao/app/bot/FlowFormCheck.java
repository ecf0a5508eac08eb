package com.balcao.app.bot;

import com.balcao.app.bot.FlowForm.OptionForm;
import com.balcao.app.bot.FlowForm.StateForm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the editor's form into a flow, on top of the version it was opened from (whatever the
 * form does not show is carried over), and says what is wrong next to each field, in
 * Portuguese. {@link FlowValidator} has the last word; its problems are listed on top.
 */
final class FlowFormCheck {
    static final String ID = "[a-z0-9_]{1,40}";
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    /** The flow the form makes, what is wrong by field name, and the flow's own problems. */
    record Result(Flow flow, Map<String, List<String>> fields, List<String> problems) {
        boolean ok() {
            return fields.isEmpty() && problems.isEmpty();
        }
    }

    private FlowFormCheck() {
    }

    static Result check(FlowForm form, Flow base) {
        FlowFormCheck check = new FlowFormCheck();
        Flow flow = check.build(form, base);
        check.afterBuild(form, flow);
        List<String> problems = new ArrayList<>(FlowValidator.problems(flow));
        if (!check.fields.isEmpty() && problems.isEmpty()) {
            problems.add("Corrija os campos marcados.");
        }
        return new Result(flow, Map.copyOf(check.fields), problems);
    }

    private Flow build(FlowForm form, Flow base) {
        Flow.Settings old = base.settings();
        Flow.Settings settings = new Flow.Settings(
            number(form.maxMisses, "maxMisses", 1, 10, old.maxMisses()),
            number(form.greetingHours, "greetingHours", 1, 720, old.greetingHours()),
            old.maxPerMinute(),
            number(form.timeoutMinutes, "timeoutMinutes", 1, 10080, old.timeoutMinutes()),
            "CLOSE".equals(form.onTimeout) ? Flow.TimeoutOutcome.CLOSE
                : Flow.TimeoutOutcome.QUEUE, blankToNull(form.returnTo));
        List<FlowState> states = new ArrayList<>();
        for (int i = 0; i < form.states.size(); i++) {
            states.add(state(form.states.get(i), "s" + i + ".", base));
        }
        return new Flow(base.key(), form.name.isBlank() ? base.name() : form.name.strip(),
            form.start, blankToNull(form.defaultDepartment), form.returning, settings,
            texts(form, base), base.triggers(), states);
    }

    private Map<String, String> texts(FlowForm form, Flow base) {
        Map<String, String> texts = new LinkedHashMap<>();
        form.texts.forEach((key, value) -> {
            String text = value.strip();
            boolean engineDefault = text.equals(BotTexts.DEFAULTS.get(key))
                && !base.texts().containsKey(key);
            if (text.length() > 4096) {
                problem("text." + key, "O texto passa de 4096 caracteres.");
            }
            if (!text.isEmpty() && !engineDefault) {
                texts.put(key, text);
            }
        });
        if (!form.newTextKey.isEmpty() || !form.newTextValue.isBlank()) {
            if (!form.newTextKey.matches(ID)) {
                problem("newTextKey", "Use de 1 a 40 letras minúsculas, números ou _ "
                    + "(sem acentos), como \"boas_vindas\".");
            } else if (form.texts.containsKey(form.newTextKey)) {
                problem("newTextKey", "Já existe um texto com esse nome.");
            } else if (form.newTextValue.isBlank()) {
                problem("newTextValue", "Escreva o texto.");
            } else {
                texts.put(form.newTextKey, form.newTextValue.strip());
            }
        }
        return texts;
    }

    private FlowState state(StateForm card, String p, Flow base) {
        Optional<FlowState> old = card.ref.isEmpty() ? Optional.empty() : base.state(card.ref);
        List<BotAction> say = card.say == null ? old.map(FlowState::say).orElse(List.of())
            : card.say.stream().map(text -> (BotAction) new BotAction.Say(text)).toList();
        FlowState.Menu oldMenu = old.map(FlowState::menu).orElse(null);
        FlowState.Source source = oldMenu == null ? FlowState.Source.STATIC : oldMenu.source();
        FlowState.Menu menu = null;
        if (source != FlowState.Source.STATIC || !card.options.isEmpty()) {
            List<FlowState.Option> options = new ArrayList<>();
            for (int k = 0; k < card.options.size(); k++) {
                options.add(option(card.options.get(k), oldMenu));
            }
            menu = new FlowState.Menu(blankToNull(card.menuText), style(card.style),
                oldMenu == null ? null : oldMenu.button(), source,
                oldMenu == null ? null : oldMenu.category(),
                source == FlowState.Source.STATIC ? options : List.of(),
                oldMenu == null ? null : oldMenu.onPick());
        }
        return new FlowState(card.id, blankToNull(card.title), say, menu,
            old.map(FlowState::ask).orElse(null), old.map(FlowState::triggers).orElse(null),
            old.map(FlowState::timeoutMinutes).orElse(null),
            old.map(FlowState::onTimeout).orElse(null));
    }

    private static FlowState.Option option(OptionForm row, FlowState.Menu oldMenu) {
        FlowState.Option old = kept(row, oldMenu);
        List<String> keywords = Arrays.stream(row.keywords.split(",")).map(String::strip)
            .filter(k -> !k.isEmpty()).toList();
        return new FlowState.Option(old == null ? null : old.id(), row.title,
            old == null ? null : old.description(), keywords,
            Leads.then(old == null ? List.of() : Leads.before(old.then()), row.leads));
    }

    /** The option a row was built from, when it still exists. */
    static FlowState.Option kept(OptionForm row, FlowState.Menu oldMenu) {
        if (oldMenu == null || !row.ref.matches("\\d{1,3}")) {
            return null;
        }
        int index = Integer.parseInt(row.ref);
        return index < oldMenu.options().size() ? oldMenu.options().get(index) : null;
    }

    private void afterBuild(FlowForm form, Flow flow) {
        Set<String> ids = new HashSet<>();
        form.states.forEach(s -> ids.add(s.id));
        Set<String> seen = new HashSet<>();
        Set<String> known = new LinkedHashSet<>(flow.texts().keySet());
        known.addAll(BotTexts.DEFAULTS.keySet());
        List<String> unreachable = FlowValidator.unreachable(flow);
        for (int i = 0; i < form.states.size(); i++) {
            StateForm card = form.states.get(i);
            String p = "s" + i + ".";
            if (!card.id.matches(ID)) {
                problem(p + "id", "Use de 1 a 40 letras minúsculas, números ou _ (sem acentos).");
            } else if (!seen.add(card.id)) {
                problem(p + "id", "Já existe outra etapa com este identificador.");
            } else if (unreachable.contains(card.id)) {
                problem(p + "id", "Nenhuma opção leva a esta etapa: o cliente nunca chegaria "
                    + "aqui. Faça uma opção levar a ela ou remova a etapa.");
            }
            if (card.say != null) {
                card.say.stream().filter(t -> !known.contains(t)).forEach(t ->
                    problem(p + "say", "O texto \"" + t + "\" não existe."));
            }
            if (!card.menuText.isBlank() && !known.contains(card.menuText)) {
                problem(p + "menuText", "O texto \"" + card.menuText + "\" não existe.");
            }
            options(card, p, ids, flow.state(card.id).map(FlowState::menu).orElse(null));
        }
        if (!ids.contains(form.start)) {
            problem("start", "Escolha a etapa em que o robô começa.");
        }
        if (!form.returnTo.isBlank() && !ids.contains(form.returnTo)) {
            problem("returnTo", "Essa etapa não existe mais.");
        }
        Set<String> variables = new HashSet<>(BotTexts.VARIABLES);
        variables.addAll(FlowValidator.savedFields(flow));
        flow.texts().forEach((key, text) -> Variables.used(text).stream()
            .filter(name -> !variables.contains(name)).forEach(name ->
                problem(form.texts.containsKey(key) ? "text." + key : "newTextValue",
                    "Variável desconhecida: {" + name + "}. Use uma das variáveis listadas.")));
    }

    private void options(StateForm card, String p, Set<String> ids, FlowState.Menu menu) {
        FlowState.Style style = style(card.style);
        int max = style == FlowState.Style.BUTTONS ? Menus.MAX_BUTTONS
            : style == FlowState.Style.LIST ? Menus.MAX_ROWS : Integer.MAX_VALUE;
        if (card.options.size() > max) {
            problem(p + "style", "O WhatsApp mostra no máximo " + max + " opções assim: "
                + "escolha outra aparência ou remova opções.");
        }
        for (int k = 0; k < card.options.size(); k++) {
            OptionForm row = card.options.get(k);
            String o = p + "o" + k + ".";
            if (row.title.isBlank()) {
                problem(o + "title", "Dê um título à opção.");
            } else if (style(card.style) == FlowState.Style.BUTTONS
                && row.title.length() > Menus.BUTTON_TITLE) {
                problem(o + "title", "Botões do WhatsApp têm até 20 caracteres.");
            }
            boolean keptActions = menu != null && k < menu.options().size()
                && !menu.options().get(k).then().isEmpty();
            if (row.leads.isBlank() && !keptActions) {
                problem(o + "leads", "Escolha para onde esta opção leva.");
            } else if (row.leads.startsWith(Leads.STATE)
                && !ids.contains(row.leads.substring(Leads.STATE.length()))) {
                problem(o + "leads", "Esta opção leva a uma etapa que não existe mais.");
            } else if (!row.leads.isBlank() && Leads.action(row.leads).isEmpty()) {
                problem(o + "leads", "Destino desconhecido.");
            }
        }
    }

    private int number(String typed, String field, int min, int max, int fallback) {
        try {
            int value = Integer.parseInt(typed.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        problem(field, "Informe um número inteiro de " + min + " a " + max + ".");
        return fallback;
    }

    private static FlowState.Style style(String typed) {
        return Arrays.stream(FlowState.Style.values()).filter(s -> s.name().equals(typed))
            .findFirst().orElse(FlowState.Style.AUTO);
    }

    private void problem(String field, String message) {
        fields.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
