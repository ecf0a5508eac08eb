package com.balcao.app.bot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bot flow as data: its states, the texts they send (CMS texts with {variables}), where it
 * starts and which department takes over when the bot gives up. Stored as JSON, one document
 * per published version, so a conversation finishes on the version it started with.
 *
 * @param key               stable name ("department_menu", "mechanic"…)
 * @param returning         ask a returning customer first whether to go back to their last
 *                          department
 * @param defaultDepartment slug of the department that receives what the bot cannot place
 * @param triggers          keywords that work in every state ("atendente" hands over)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Flow(String key, String name, String start, String defaultDepartment,
                   boolean returning, Settings settings, Map<String, String> texts,
                   List<FlowState.Trigger> triggers, List<FlowState> states) {

    public Flow {
        settings = settings == null ? Settings.DEFAULTS : settings;
        texts = texts == null ? Map.of() : Map.copyOf(texts);
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        states = states == null ? List.of() : List.copyOf(states);
    }

    public Optional<FlowState> state(String id) {
        return states.stream().filter(state -> state.id().equals(id)).findFirst();
    }

    /** The text of {@code key}, or the shipped default for the engine's own texts. */
    public String text(String key) {
        String text = texts.get(key);
        return text != null ? text : BotTexts.DEFAULTS.getOrDefault(key, key);
    }

    /** A copy with one text changed (how a CMS edit publishes a new version). */
    public Flow withText(String textKey, String value) {
        Map<String, String> changed = new java.util.LinkedHashMap<>(texts);
        changed.put(textKey, value);
        return new Flow(key, name, start, defaultDepartment, returning, settings, changed,
            triggers, states);
    }

    /**
     * The engine's limits.
     *
     * @param maxMisses      answers the bot may fail to place before it hands over
     * @param greetingHours  a contact is greeted at most once within this many hours
     * @param maxPerMinute   bot messages per conversation per minute, at most
     * @param timeoutMinutes default inactivity timeout of a state
     * @param onTimeout      what a timeout does unless the state says otherwise
     * @param returnTo       the state a conversation starts over at when a person hands it
     *                       back to the bot ("Devolver ao robô"); null: the flow's start
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Settings(int maxMisses, int greetingHours, int maxPerMinute, int timeoutMinutes,
                           TimeoutOutcome onTimeout, String returnTo) {
        public static final Settings DEFAULTS = new Settings(2, 24, 8, 30, TimeoutOutcome.QUEUE,
            null);

        public Settings {
            maxMisses = maxMisses <= 0 ? 2 : maxMisses;
            greetingHours = greetingHours <= 0 ? 24 : greetingHours;
            maxPerMinute = maxPerMinute <= 0 ? 8 : maxPerMinute;
            timeoutMinutes = timeoutMinutes <= 0 ? 30 : timeoutMinutes;
            onTimeout = onTimeout == null ? TimeoutOutcome.QUEUE : onTimeout;
        }
    }

    /** What an inactive conversation does when its state's timeout passes. */
    public enum TimeoutOutcome {
        /** Goes to the default department's queue. */
        QUEUE,
        /** Is closed. */
        CLOSE
    }
}
