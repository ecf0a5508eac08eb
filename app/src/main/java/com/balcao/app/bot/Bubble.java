package com.balcao.app.bot;

import java.util.List;

/**
 * A message as the customer's WhatsApp shows it, ready for a logic-less template: lines of
 * formatted spans (the template escapes every span), and the reply buttons, or the list's
 * button and rows, under it.
 *
 * @param buttons    reply buttons (at most 3), empty for other messages
 * @param listButton the button that opens a list, null when the message has no list
 * @param rows       the list's rows
 */
record Bubble(List<Line> lines, List<String> buttons, String listButton, List<String> rows) {

    Bubble {
        buttons = List.copyOf(buttons);
        rows = List.copyOf(rows);
    }

    static Bubble text(String body) {
        return new Bubble(WhatsAppFormat.lines(body), List.of(), null, List.of());
    }

    public boolean hasButtons() {
        return !buttons.isEmpty();
    }

    public boolean hasList() {
        return listButton != null;
    }

    /** One line of the message. */
    record Line(List<Span> spans) {
    }

    /** A run of text and its WhatsApp styles as CSS classes ("wa-b wa-i"…), or "". */
    record Span(String text, String styles) {
    }
}
