package com.balcao.app.inbox;

import java.util.regex.Pattern;

/**
 * WhatsApp's own formatting (*bold*, _italic_, ~strikethrough~, ```monospace```) as HTML. The
 * text is escaped first, so the only tags in the result are the four this class adds.
 */
final class WhatsAppText {
    private static final Pattern MONO = Pattern.compile("```(.+?)```", Pattern.DOTALL);
    private static final Pattern BOLD = marker("\\*");
    private static final Pattern ITALIC = marker("_");
    private static final Pattern STRIKE = marker("~");
    private static final Pattern SIGNATURE = Pattern.compile("\\A\\*[^*\\n]{1,160}\\*:\\n(?=\\S)");

    private WhatsAppText() {
    }

    static String toHtml(String text) {
        if (text == null) {
            return null;
        }
        String html = escape(text);
        html = MONO.matcher(html).replaceAll("<code>$1</code>");
        html = BOLD.matcher(html).replaceAll("<strong>$1</strong>");
        html = ITALIC.matcher(html).replaceAll("<em>$1</em>");
        return STRIKE.matcher(html).replaceAll("<del>$1</del>");
    }

    /**
     * The text as a list preview shows it: without the markers, and without the agent's
     * signature line ({@code *Name - Department*:}) that every signed message starts with.
     */
    static String preview(String text) {
        if (text == null) {
            return null;
        }
        String plain = SIGNATURE.matcher(text).replaceFirst("");
        plain = MONO.matcher(plain).replaceAll("$1");
        plain = BOLD.matcher(plain).replaceAll("$1");
        plain = ITALIC.matcher(plain).replaceAll("$1");
        return STRIKE.matcher(plain).replaceAll("$1");
    }

    /** A marker pair around text that neither starts nor ends with a space, on one line. */
    private static Pattern marker(String mark) {
        return Pattern.compile("(?<![\\p{L}\\p{N}" + mark + "])" + mark + "(?=\\S)([^\\n]+?)(?<=\\S)"
            + mark + "(?![\\p{L}\\p{N}" + mark + "])");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '=' -> out.append("&#61;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
