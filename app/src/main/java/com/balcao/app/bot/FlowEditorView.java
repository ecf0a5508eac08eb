package com.balcao.app.bot;

import com.balcao.app.bot.EditorRows.Choice;
import com.balcao.app.bot.EditorRows.StateCard;
import com.balcao.app.bot.EditorRows.TextRow;
import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The flow editor: settings, texts with their previews, and one card per state. */
final class FlowEditorView extends PageView {
    private static final List<String> MAIN_VARIABLES = List.of("primeiro_nome", "nome",
        "empresa", "horario", "catalogo", "departamento", "atendente");
    private final FlowEditor.Opened opened;
    private final FlowForm form;
    private final Map<String, List<String>> fields;
    private final List<String> problems;
    private final EditorCards cards;

    FlowEditorView(Page page, FlowEditor.Opened opened, FlowForm form,
                   Map<String, List<String>> fields, List<String> problems) {
        super("editor.mustache", page, "bot_editor_title", "bot");
        this.opened = opened;
        this.form = form;
        this.fields = fields;
        this.problems = problems;
        this.cards = new EditorCards(form, opened.flow(), fields, opened, page.messages());
    }

    public String getFlowKey() {
        return opened.flow().key();
    }

    public String getFlowName() {
        return opened.flow().name() == null ? opened.flow().key() : opened.flow().name();
    }

    public FlowEditor.Opened getOpened() {
        return opened;
    }

    public FlowForm getForm() {
        return form;
    }

    public List<String> getProblems() {
        return problems;
    }

    public boolean getHasProblems() {
        return !problems.isEmpty();
    }

    public boolean getHasFlowTriggers() {
        return !opened.flow().triggers().isEmpty();
    }

    public Map<String, List<String>> getErrors() {
        return fields;
    }

    public List<Choice> getStarts() {
        return states(form.start, null);
    }

    public List<Choice> getReturnTos() {
        return states(form.returnTo, page().text("bot_return_start"));
    }

    public List<Choice> getDepartments() {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("", page().text("bot_number_default_department"),
            form.defaultDepartment.isBlank()));
        opened.departments().forEach(d -> choices.add(new Choice(d.slug(), d.name(),
            d.slug().equals(form.defaultDepartment))));
        return choices;
    }

    public List<Choice> getTimeouts() {
        return List.of(new Choice("QUEUE", page().text("bot_timeout_QUEUE"),
            !"CLOSE".equals(form.onTimeout)), new Choice("CLOSE", page().text("bot_timeout_CLOSE"),
            "CLOSE".equals(form.onTimeout)));
    }

    /** The flow's own texts. */
    public List<TextRow> getTexts() {
        return texts(false);
    }

    /** The engine's texts the flow has not changed (greyed under "more texts"). */
    public List<TextRow> getEngineTexts() {
        return texts(true);
    }

    /** Open when one of them has a problem, so it is seen. */
    public boolean getEngineTextsOpen() {
        return texts(true).stream().anyMatch(row -> !row.problems().isEmpty());
    }

    private List<TextRow> texts(boolean engine) {
        Map<String, String> labels = page().messages().all();
        return form.texts.entrySet().stream().filter(e -> engine == isEngineDefault(e.getKey()))
            .map(e -> new TextRow(e.getKey(), labels.get("bot_text_" + e.getKey()),
                e.getValue(), opened.preview().text(e.getValue()),
                fields.getOrDefault("text." + e.getKey(), List.of()))).toList();
    }

    private boolean isEngineDefault(String key) {
        return BotTexts.DEFAULTS.containsKey(key) && !opened.flow().texts().containsKey(key);
    }

    /** The variables a text may use: the usual ones first, then the flow's stored answers. */
    public List<String> getVariables() {
        List<String> names = new ArrayList<>(MAIN_VARIABLES);
        new TreeSet<>(FlowValidator.savedFields(opened.flow())).stream()
            .filter(n -> !names.contains(n)).forEach(names::add);
        boolean catalog = opened.flow().states().stream().anyMatch(s -> s.menu() != null
            && s.menu().source() == FlowState.Source.CATALOG);
        if (catalog) {
            names.addAll(List.of("item", "item_preco", "item_descricao"));
        }
        return names.stream().map(n -> "{" + n + "}").toList();
    }

    public List<StateCard> getCards() {
        return cards.cards();
    }

    public List<String> getFlowTriggers() {
        return opened.flow().triggers().stream().map(t -> String.join(", ", t.values())
            + " → " + opened.describe().actions(t.then())).toList();
    }

    private List<Choice> states(String current, String blank) {
        List<Choice> choices = new ArrayList<>();
        if (blank != null) {
            choices.add(new Choice("", blank, current.isBlank()));
        }
        form.states.stream().filter(s -> !s.id.isBlank()).forEach(s -> choices.add(
            new Choice(s.id, s.title.isBlank() ? s.id : s.title, s.id.equals(current))));
        return choices;
    }
}
