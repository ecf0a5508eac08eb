package com.balcao.app.bot;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.ArrayList;
import java.util.List;

/** The test console: the flow chosen, the messages typed so far and, for each, the bot's turn. */
final class ConsoleView extends PageView {
    private final List<Choice> flows;
    private final String flow;
    private final List<String> typed;
    private final List<Turn> turns = new ArrayList<>();

    /** A flow to choose. */
    record Choice(String value, String label, boolean selected) {
    }

    /**
     * One message and the bot's answer: its bubbles, what it did, why, and where it waits.
     *
     * @param waitsIn the state the bot waits in, null once it left the conversation
     */
    record Turn(String customer, List<Bubble> replies, List<String> actions, List<String> why,
                String waitsIn, boolean left) {
    }

    ConsoleView(Page page, List<Choice> flows, String flow, List<String> typed,
                List<BotConsole.Played> played, Describe describe) {
        super("console.mustache", page, "bot_console_title", "bot");
        this.flows = flows;
        this.flow = flow;
        this.typed = typed;
        for (BotConsole.Played step : played) {
            turns.add(turn(step, describe));
        }
    }

    private static Turn turn(BotConsole.Played step, Describe describe) {
        Engine.Outcome outcome = step.outcome();
        if (outcome == null) {
            return new Turn(step.customer(), List.of(), List.of(),
                List.of("o robô já saiu da conversa: a mensagem iria para a equipe"), null,
                true);
        }
        List<Bubble> replies = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (BotEffect effect : outcome.effects()) {
            if (effect instanceof BotEffect.Send send) {
                replies.add(Preview.of(send.message()));
            } else {
                actions.add(describe.effect(effect));
            }
        }
        return new Turn(step.customer(), replies, actions, outcome.trace().stream()
            .map(ConsoleTrace::explain).toList(), outcome.session() == null ? null
            : outcome.session().state(), outcome.finished());
    }

    public List<Choice> getFlows() {
        return flows;
    }

    public String getFlow() {
        return flow;
    }

    public List<String> getTyped() {
        return typed;
    }

    public List<Turn> getTurns() {
        return turns;
    }

    public boolean getHasTurns() {
        return !turns.isEmpty();
    }

    /** Whether the bot already left, so typing more would only reach the team. */
    public boolean getFinished() {
        return !turns.isEmpty() && turns.get(turns.size() - 1).left();
    }
}
