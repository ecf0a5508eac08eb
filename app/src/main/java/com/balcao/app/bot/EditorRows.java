package com.balcao.app.bot;

import java.util.List;

/** What the editor's template shows, row by row (records only: the template has no logic). */
final class EditorRows {
    private EditorRows() {
    }

    /** An entry of a select. */
    record Choice(String value, String label, boolean selected) {
    }

    /** A text, its WhatsApp preview and what is wrong with it. */
    record TextRow(String key, String label, String value, Bubble preview,
                   List<String> problems) {
    }

    /** One "what it says" select of a state. */
    record SayRow(List<Choice> choices) {
    }

    /** A menu option: title, keywords, where it leads, what it also does (kept as it is). */
    record OptionRow(String prefix, String ref, String title, String keywords,
                     List<Choice> leads, String also, String remove,
                     List<String> titleProblems, List<String> leadsProblems) {
    }

    /**
     * A state's card. {@code sayLocked}: its messages hold actions the form cannot show, so
     * they are listed read-only in {@code sayNote}. {@code kept}: the read-only notes of what
     * the form does not edit (a question, patterns, timeouts), carried over on save.
     */
    record StateCard(int index, String prefix, String ref, String id, boolean isNew,
                     String title, boolean sayLocked, String sayNote, List<SayRow> say,
                     boolean staticMenu, String menuNote, List<Choice> menuText,
                     List<Choice> styles, List<OptionRow> options, List<String> kept,
                     List<Bubble> previews, List<String> idProblems,
                     List<String> sayProblems, List<String> menuTextProblems,
                     List<String> styleProblems) {
        public boolean hasKept() {
            return !kept.isEmpty();
        }
    }
}
