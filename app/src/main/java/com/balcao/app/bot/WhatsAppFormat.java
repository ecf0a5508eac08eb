package com.balcao.app.bot;

import java.util.ArrayList;
import java.util.List;

/**
 * WhatsApp's own formatting marks, read the way the app reads them: *bold*, _italic_,
 * ~strike~ and ```monospace```, within one line. A mark counts only when it opens after a
 * space or punctuation and its text neither starts nor ends with a space; otherwise it is
 * shown as typed ("2*3*4", "snake_case_word").
 */
final class WhatsAppFormat {
    private static final String MARKS = "*_~";

    private WhatsAppFormat() {
    }

    static List<Bubble.Line> lines(String text) {
        List<Bubble.Line> lines = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\r?\n", -1)) {
            List<Bubble.Span> spans = new ArrayList<>();
            spans(line, "", spans);
            lines.add(new Bubble.Line(spans));
        }
        return lines;
    }

    private static void spans(String text, String styles, List<Bubble.Span> out) {
        int from = 0;
        int i = 0;
        while (i < text.length()) {
            int[] pair = pairAt(text, i);
            if (pair == null) {
                i++;
                continue;
            }
            add(out, text.substring(from, i), styles);
            String inner = text.substring(i + pair[1], pair[0]);
            String style = styleOf(text.charAt(i), pair[1]);
            spans(inner, styles.isEmpty() ? style : styles + " " + style, out);
            i = pair[0] + pair[1];
            from = i;
        }
        add(out, text.substring(from), styles);
    }

    /** {closing index, mark length} when a formatting mark opens at {@code i}, else null. */
    private static int[] pairAt(String text, int i) {
        int length = text.startsWith("```", i) ? 3 : MARKS.indexOf(text.charAt(i)) >= 0 ? 1 : 0;
        if (length == 0 || i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
            return null;
        }
        String mark = text.substring(i, i + length);
        int start = i + length;
        if (start >= text.length() || Character.isWhitespace(text.charAt(start))) {
            return null;
        }
        for (int close = text.indexOf(mark, start + 1); close > 0;
             close = text.indexOf(mark, close + 1)) {
            int after = close + length;
            if (!Character.isWhitespace(text.charAt(close - 1)) && (after >= text.length()
                || !Character.isLetterOrDigit(text.charAt(after)))) {
                return new int[] {close, length};
            }
        }
        return null;
    }

    private static String styleOf(char mark, int length) {
        if (length == 3) {
            return "wa-mono";
        }
        return mark == '*' ? "wa-b" : mark == '_' ? "wa-i" : "wa-s";
    }

    private static void add(List<Bubble.Span> out, String text, String styles) {
        if (!text.isEmpty()) {
            out.add(new Bubble.Span(text, styles));
        }
    }
}
