package com.balcao.app.bot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One step of a flow. On entering it the bot runs {@code say}; then it waits for the customer,
 * whose answer is placed by the {@code menu} (an option), the {@code triggers} (keywords,
 * regular expressions) or the {@code ask} (a validated free answer), in that order.
 *
 * @param timeoutMinutes inactivity timeout of this state (the flow's default when null)
 * @param onTimeout      what the timeout does (the flow's default when null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FlowState(String id, String title, List<BotAction> say, Menu menu, Ask ask,
                        List<Trigger> triggers, Integer timeoutMinutes,
                        Flow.TimeoutOutcome onTimeout) {

    public FlowState {
        say = say == null ? List.of() : List.copyOf(say);
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
    }

    /** Whether this state waits for an answer (else the bot is done once it is entered). */
    boolean waits() {
        return menu != null || ask != null || !triggers.isEmpty();
    }

    /**
     * Options shown to the customer. Static options come from {@code options}; a
     * {@code DEPARTMENTS} or {@code CATALOG} source builds them when shown from the tenant's
     * departments (routing there) or its catalog (then running {@code onPick}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Menu(String text, Style style, String button, Source source, String category,
                       List<Option> options, List<BotAction> onPick) {
        public Menu {
            style = style == null ? Style.AUTO : style;
            source = source == null ? Source.STATIC : source;
            options = options == null ? List.of() : List.copyOf(options);
            onPick = onPick == null ? List.of() : List.copyOf(onPick);
        }
    }

    /** How a menu is shown: WhatsApp buttons (≤ 3), a list (≤ 10 rows) or numbered text. */
    public enum Style { AUTO, TEXT, BUTTONS, LIST }

    /** Where a menu's options come from. */
    public enum Source { STATIC, DEPARTMENTS, CATALOG }

    /** A menu option: chosen by its number, its title, a keyword or its button/list reply. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String id, String title, String description, List<String> keywords,
                         List<BotAction> then) {
        public Option {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            then = then == null ? List.of() : List.copyOf(then);
        }
    }

    /** Words or a pattern that, found in the answer, run {@code then}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trigger(TriggerKind kind, List<String> values, List<BotAction> then) {
        public Trigger {
            kind = kind == null ? TriggerKind.KEYWORD : kind;
            values = values == null ? List.of() : List.copyOf(values);
            then = then == null ? List.of() : List.copyOf(then);
        }
    }

    /** How a trigger reads the answer. */
    public enum TriggerKind { KEYWORD, REGEX }

    /**
     * A question whose answer is validated and stored in the contact's {@code field};
     * {@code invalid} is the text key said when the answer does not fit.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ask(ContactField field, String saveAs, String invalid, List<BotAction> then) {
        public Ask {
            field = field == null ? ContactField.TEXT : field;
            then = then == null ? List.of() : List.copyOf(then);
        }

        /** The contact field the answer goes to: {@code saveAs}, else the field's name. */
        public String target() {
            return saveAs == null || saveAs.isBlank() ? field.defaultName() : saveAs;
        }
    }
}
