package com.balcao.app.bot;

import com.balcao.app.bot.EditorRows.Choice;
import com.balcao.app.bot.EditorRows.OptionRow;
import com.balcao.app.bot.EditorRows.SayRow;
import com.balcao.app.bot.EditorRows.StateCard;
import com.balcao.app.bot.FlowForm.OptionForm;
import com.balcao.app.bot.FlowForm.StateForm;
import com.balcao.app.web.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the editor's state cards from the form as typed and the version it came from. */
final class EditorCards {
    private final FlowForm form;
    private final Flow base;
    private final Map<String, List<String>> problems;
    private final List<BotContext.DepartmentChoice> departments;
    private final Preview preview;
    private final Describe describe;
    private final Messages messages;

    EditorCards(FlowForm form, Flow base, Map<String, List<String>> problems,
                FlowEditor.Opened opened, Messages messages) {
        this.form = form;
        this.base = base;
        this.problems = problems;
        this.departments = opened.departments();
        this.preview = opened.preview();
        this.describe = opened.describe();
        this.messages = messages;
    }

    List<StateCard> cards() {
        List<StateCard> cards = new ArrayList<>();
        for (int i = 0; i < form.states.size(); i++) {
            cards.add(card(i, form.states.get(i)));
        }
        return cards;
    }

    /** The previews of state {@code i} as the form now stands (empty for no such state). */
    List<Bubble> previews(int i) {
        if (i < 0 || i >= form.states.size()) {
            return List.of();
        }
        StateForm card = form.states.get(i);
        FlowState old = card.ref.isEmpty() ? null : base.state(card.ref).orElse(null);
        return previews(card, old == null ? null : old.menu());
    }

    private StateCard card(int i, StateForm card) {
        String p = "s" + i + ".";
        FlowState old = card.ref.isEmpty() ? null : base.state(card.ref).orElse(null);
        FlowState.Menu menu = old == null ? null : old.menu();
        boolean staticMenu = menu == null || menu.source() == FlowState.Source.STATIC;
        List<SayRow> say = new ArrayList<>();
        if (card.say != null) {
            card.say.forEach(text -> say.add(new SayRow(texts(text, true))));
            say.add(new SayRow(texts("", true)));
        }
        List<OptionRow> options = new ArrayList<>();
        for (int k = 0; k < card.options.size(); k++) {
            options.add(option(p + "o" + k + ".", card.options.get(k), menu,
                "removeOption:" + i + ":" + k));
        }
        return new StateCard(i, p, card.ref, card.id, old == null, card.title,
            card.say == null, old == null ? "" : describe.actions(old.say()), say, staticMenu,
            menuNote(menu), texts(card.menuText, true), styles(card.style), options,
            kept(old), previews(card, menu), get(p + "id"), get(p + "say"),
            get(p + "menuText"), get(p + "style"));
    }

    private OptionRow option(String o, OptionForm row, FlowState.Menu menu, String remove) {
        FlowState.Option old = FlowFormCheck.kept(row, menu);
        List<BotAction> before = old == null ? List.of() : Leads.before(old.then());
        return new OptionRow(o, row.ref, row.title, row.keywords, leads(row.leads),
            describe.actions(before), remove, get(o + "title"), get(o + "leads"));
    }

    private List<Choice> leads(String current) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("", messages.get("bot_choose"), current.isBlank()));
        for (StateForm state : form.states) {
            if (!state.id.isBlank()) {
                String value = Leads.STATE + state.id;
                choices.add(new Choice(value, messages.get("bot_leads_state",
                    state.title.isBlank() ? state.id : state.title), value.equals(current)));
            }
        }
        for (BotContext.DepartmentChoice department : departments) {
            String value = Leads.HANDOVER + ":" + department.slug();
            choices.add(new Choice(value, messages.get("bot_leads_department",
                department.name()), value.equals(current)));
        }
        for (String code : List.of(Leads.HANDOVER, Leads.SLOTS, Leads.END)) {
            choices.add(new Choice(code, messages.get("bot_leads_" + code),
                code.equals(current)));
        }
        if (!current.isBlank() && choices.stream().noneMatch(Choice::selected)) {
            String label = Leads.action(current).map(describe::action).orElse(current);
            choices.add(new Choice(current, label.substring(0, 1).toUpperCase()
                + label.substring(1), true));
        }
        return choices;
    }

    /** A select of the flow's texts; {@code blank}: with an empty first entry. */
    List<Choice> texts(String current, boolean blank) {
        List<Choice> choices = new ArrayList<>();
        if (blank) {
            choices.add(new Choice("", "—", current.isBlank()));
        }
        form.texts.keySet().forEach(key -> choices.add(new Choice(key, key,
            key.equals(current))));
        if (!current.isBlank() && !form.texts.containsKey(current)) {
            choices.add(new Choice(current, current, true));
        }
        return choices;
    }

    private List<Choice> styles(String current) {
        return List.of("AUTO", "TEXT", "BUTTONS", "LIST").stream().map(s -> new Choice(s,
            messages.get("bot_style_" + s), s.equals(current))).toList();
    }

    private String menuNote(FlowState.Menu menu) {
        if (menu == null || menu.source() == FlowState.Source.STATIC) {
            return "";
        }
        String then = menu.onPick().isEmpty() ? "" : " Ao escolher: "
            + describe.actions(menu.onPick()) + ".";
        return menu.source() == FlowState.Source.DEPARTMENTS
            ? "As opções são os departamentos ativos (Administração › Departamentos), com as "
                + "palavras-chave de cada um." + then
            : "As opções são os itens à venda do catálogo" + (menu.category() == null ? ""
                : " da categoria “" + menu.category() + "”") + "." + then;
    }

    private List<String> kept(FlowState old) {
        List<String> kept = new ArrayList<>();
        if (old == null) {
            return kept;
        }
        if (old.ask() != null) {
            kept.add("Pergunta: guarda a resposta (" + old.ask().field() + ") em {"
                + old.ask().target() + "}; depois: " + describe.actions(old.ask().then()));
        }
        old.triggers().forEach(t -> kept.add("Gatilho (" + (t.kind()
            == FlowState.TriggerKind.REGEX ? "expressão" : "palavras") + " "
            + String.join(", ", t.values()) + "): " + describe.actions(t.then())));
        if (old.timeoutMinutes() != null || old.onTimeout() != null) {
            kept.add("Tempo de espera próprio: " + (old.timeoutMinutes() == null ? "padrão"
                : old.timeoutMinutes() + " min") + (old.onTimeout() == null ? ""
                : old.onTimeout() == Flow.TimeoutOutcome.CLOSE ? ", depois encerra"
                : ", depois vai para a fila"));
        }
        return kept;
    }

    private List<Bubble> previews(StateForm card, FlowState.Menu oldMenu) {
        List<Bubble> bubbles = new ArrayList<>();
        if (card.say != null) {
            card.say.forEach(key -> bubbles.add(preview.text(text(key))));
        }
        boolean staticMenu = oldMenu == null || oldMenu.source() == FlowState.Source.STATIC;
        if (staticMenu && card.options.isEmpty()) {
            return bubbles;
        }
        List<FlowState.Option> options = card.options.stream().map(o -> new FlowState.Option(
            null, o.title.isBlank() ? "…" : o.title, null, null, null)).toList();
        FlowState.Menu menu = new FlowState.Menu(null, style(card.style),
            oldMenu == null ? null : oldMenu.button(), staticMenu ? null : oldMenu.source(),
            oldMenu == null ? null : oldMenu.category(), options, null);
        String button = text(oldMenu == null || oldMenu.button() == null
            ? BotTexts.MENU_BUTTON : oldMenu.button());
        bubbles.add(preview.menu(menu, text(card.menuText), button));
        return bubbles;
    }

    private String text(String key) {
        return form.texts.getOrDefault(key, BotTexts.DEFAULTS.getOrDefault(key, ""));
    }

    private static FlowState.Style style(String typed) {
        for (FlowState.Style style : FlowState.Style.values()) {
            if (style.name().equals(typed)) {
                return style;
            }
        }
        return FlowState.Style.AUTO;
    }

    private List<String> get(String field) {
        return problems.getOrDefault(field, List.of());
    }
}
