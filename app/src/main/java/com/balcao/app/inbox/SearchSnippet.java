package com.balcao.app.inbox;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The part of a found message around what was searched, as HTML: the text is escaped piece by
 * piece and the only tags are the {@code <mark>}s around the searched words.
 */
final class SearchSnippet {
    private static final int BEFORE = 24;
    private static final int LENGTH = 90;

    private SearchSnippet() {
    }

    static String html(String text, List<String> terms) {
        String flat = WhatsAppText.preview(text).replaceAll("\\s+", " ").strip();
        Pattern found = pattern(terms);
        Matcher first = found == null ? null : found.matcher(flat);
        int start = first != null && first.find() ? Math.max(0, first.start() - BEFORE) : 0;
        int end = Math.min(flat.length(), start + LENGTH);
        String piece = flat.substring(start, end);
        StringBuilder html = new StringBuilder(start > 0 ? "…" : "");
        int at = 0;
        if (found != null) {
            Matcher matcher = found.matcher(piece);
            while (matcher.find()) {
                html.append(WhatsAppText.escape(piece.substring(at, matcher.start())))
                    .append("<mark>").append(WhatsAppText.escape(matcher.group()))
                    .append("</mark>");
                at = matcher.end();
            }
        }
        html.append(WhatsAppText.escape(piece.substring(at)));
        return end < flat.length() ? html.append('…').toString() : html.toString();
    }

    private static Pattern pattern(List<String> terms) {
        List<String> quoted = terms.stream().filter(term -> !term.isBlank())
            .map(term -> Pattern.quote(term.toLowerCase(Locale.ROOT))).toList();
        return quoted.isEmpty() ? null : Pattern.compile(quoted.stream()
            .collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
