package com.balcao.app.bot;

import com.balcao.app.bot.FlowState.Menu;
import com.balcao.app.bot.FlowState.Option;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a flow publishable: a start that exists, unique state ids, every "goto" leading
 * somewhere, no state unreachable from the start, every text key defined, every {variable}
 * known, options with titles, buttons and lists within WhatsApp's limits, valid patterns.
 */
public final class FlowValidator {
    private FlowValidator() {
    }

    /** The problems of {@code flow}, in Portuguese for the editor; empty when it is usable. */
    public static List<String> problems(Flow flow) {
        List<String> problems = new ArrayList<>();
        if (flow.key() == null || !flow.key().matches("[a-z0-9_]{2,40}")) {
            problems.add("A chave do fluxo deve ter de 2 a 40 letras minúsculas, números ou _.");
        }
        Set<String> ids = new HashSet<>();
        for (FlowState state : flow.states()) {
            if (state.id() == null || !state.id().matches("[a-z0-9_]{1,40}")) {
                problems.add("Estado com identificador inválido: " + state.id());
            } else if (!ids.add(state.id())) {
                problems.add("Estado repetido: " + state.id());
            }
        }
        if (flow.start() == null || !ids.contains(flow.start())) {
            problems.add("O estado inicial \"" + flow.start() + "\" não existe.");
        }
        String returnTo = flow.settings().returnTo();
        if (returnTo != null && !ids.contains(returnTo)) {
            problems.add("O estado de retorno ao robô \"" + returnTo + "\" não existe.");
        }
        Set<String> texts = new LinkedHashSet<>();
        for (FlowState state : flow.states()) {
            checkState(flow, state, ids, texts, problems);
        }
        flow.triggers().forEach(t -> checkActions(flow, "gatilhos gerais", t.then(), ids, texts,
            problems));
        checkTriggers("gatilhos gerais", flow.triggers(), problems);
        for (String key : texts) {
            if (!flow.texts().containsKey(key) && !BotTexts.DEFAULTS.containsKey(key)) {
                problems.add("Texto \"" + key + "\" não foi definido.");
            }
        }
        flow.texts().forEach((key, text) -> Variables.used(text).stream()
            .filter(name -> !BotTexts.VARIABLES.contains(name) && !savedFields(flow).contains(name))
            .forEach(name -> problems.add("O texto \"" + key + "\" usa a variável desconhecida {"
                + name + "}.")));
        if (problems.isEmpty()) {
            unreachable(flow).forEach(id -> problems.add("O estado \"" + id
                + "\" não é alcançável a partir do início."));
        }
        return problems;
    }

    /** Throws {@link FlowJson.InvalidFlow} when {@code flow} has problems. */
    public static Flow require(Flow flow) {
        List<String> problems = problems(flow);
        if (!problems.isEmpty()) {
            throw new FlowJson.InvalidFlow(problems);
        }
        return flow;
    }

    private static void checkState(Flow flow, FlowState state, Set<String> ids,
                                   Set<String> texts, List<String> problems) {
        String where = "estado \"" + state.id() + "\"";
        checkActions(flow, where, state.say(), ids, texts, problems);
        Menu menu = state.menu();
        if (menu != null) {
            if (menu.text() != null) {
                texts.add(menu.text());
            }
            if (menu.source() == FlowState.Source.STATIC && menu.options().isEmpty()) {
                problems.add("O menu do " + where + " não tem opções.");
            }
            int max = menu.style() == FlowState.Style.BUTTONS ? Menus.MAX_BUTTONS
                : menu.style() == FlowState.Style.LIST ? Menus.MAX_ROWS : 99;
            if (menu.options().size() > max) {
                problems.add("O menu do " + where + " tem mais opções do que o WhatsApp permite ("
                    + max + ").");
            }
            for (Option option : menu.options()) {
                if (option.title() == null || option.title().isBlank()) {
                    problems.add("Uma opção do " + where + " está sem título.");
                } else if (menu.style() == FlowState.Style.BUTTONS
                    && option.title().length() > Menus.BUTTON_TITLE) {
                    problems.add("O botão \"" + option.title() + "\" passa de 20 caracteres.");
                }
                if (option.then().isEmpty()) {
                    problems.add("A opção \"" + option.title() + "\" do " + where
                        + " não leva a nada.");
                }
                checkActions(flow, where, option.then(), ids, texts, problems);
            }
            checkActions(flow, where, menu.onPick(), ids, texts, problems);
            if (menu.source() == FlowState.Source.CATALOG && menu.onPick().isEmpty()) {
                problems.add("O catálogo do " + where
                    + " não diz o que fazer com o item escolhido.");
            }
        }
        if (state.ask() != null) {
            if (state.ask().invalid() != null) {
                texts.add(state.ask().invalid());
            }
            if (state.ask().then().isEmpty()) {
                problems.add("A pergunta do " + where + " não leva a nada depois da resposta.");
            }
            checkActions(flow, where, state.ask().then(), ids, texts, problems);
        }
        checkTriggers(where, state.triggers(), problems);
        state.triggers().forEach(t -> checkActions(flow, where, t.then(), ids, texts, problems));
        if (!state.waits() && state.say().stream().noneMatch(FlowValidator::leaves)) {
            problems.add("O " + where + " não espera resposta nem encerra (o cliente ficaria "
                + "sem saída).");
        }
    }

    private static boolean leaves(BotAction action) {
        return !(action instanceof BotAction.Say || action instanceof BotAction.Media
            || action instanceof BotAction.Label);
    }

    private static void checkTriggers(String where, List<FlowState.Trigger> triggers,
                                      List<String> problems) {
        for (FlowState.Trigger trigger : triggers) {
            if (trigger.values().isEmpty()) {
                problems.add("Um gatilho do " + where + " não tem palavras.");
            }
            if (trigger.kind() == FlowState.TriggerKind.REGEX) {
                trigger.values().stream().filter(p -> Matcher.compile(p).isEmpty())
                    .forEach(p -> problems.add("Expressão inválida no " + where + ": " + p));
            }
        }
    }

    private static void checkActions(Flow flow, String where, List<BotAction> actions,
                                     Set<String> ids, Set<String> texts, List<String> problems) {
        for (BotAction action : actions) {
            if (action instanceof BotAction.Goto go && !ids.contains(go.state())) {
                problems.add("No " + where + ", \"ir para\" leva a um estado que não existe: "
                    + go.state());
            } else if (action instanceof BotAction.Say say) {
                texts.add(say.text());
            } else if (action instanceof BotAction.End end && end.text() != null) {
                texts.add(end.text());
            } else if (action instanceof BotAction.Media media) {
                if (media.link() == null || !media.link().startsWith("https://")) {
                    problems.add("No " + where + ", a mídia precisa de um link https://.");
                }
                if (media.caption() != null) {
                    texts.add(media.caption());
                }
            } else if (action instanceof BotAction.Label label
                && (label.label() == null || label.label().isBlank())) {
                problems.add("No " + where + ", uma etiqueta está sem nome.");
            }
        }
    }

    /** Names of the answers the flow's questions store (usable as {variables}). */
    static Set<String> savedFields(Flow flow) {
        Set<String> names = new HashSet<>();
        flow.states().stream().filter(s -> s.ask() != null)
            .forEach(s -> names.add(s.ask().target()));
        return names;
    }

    /** Ids of the states nothing leads to from the start or the flow's triggers. */
    static List<String> unreachable(Flow flow) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(flow.start()));
        flow.triggers().forEach(t -> targets(t.then(), todo));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) {
                continue;
            }
            flow.state(id).ifPresent(state -> {
                targets(state.say(), todo);
                if (state.menu() != null) {
                    state.menu().options().forEach(o -> targets(o.then(), todo));
                    targets(state.menu().onPick(), todo);
                }
                if (state.ask() != null) {
                    targets(state.ask().then(), todo);
                }
                state.triggers().forEach(t -> targets(t.then(), todo));
            });
        }
        return flow.states().stream().map(FlowState::id).filter(id -> !seen.contains(id))
            .toList();
    }

    private static void targets(List<BotAction> actions, Deque<String> todo) {
        actions.stream().filter(a -> a instanceof BotAction.Goto)
            .forEach(a -> todo.push(((BotAction.Goto) a).state()));
    }
}
