package com.balcao.app.contacts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The contacts page's query string: a search text (name, e-mail or phone), a label, the last
 * contact ("7", "30", "90" days or "never") and the page. A value that cannot be read is left
 * out and named in {@link #problems}, so the page says what it ignored.
 */
record ContactSearch(String text, Long labelId, String last, int page, List<String> problems) {
    static final int PAGE_SIZE = 50;
    static final int MAX_TEXT = 100;
    static final List<String> LAST = List.of("7", "30", "90", "never");

    static ContactSearch of(String text, String label, String last, String page) {
        List<String> problems = new ArrayList<>();
        String query = text == null || text.isBlank() ? null : text.strip();
        if (query != null && query.codePointCount(0, query.length()) > MAX_TEXT) {
            problems.add("contacts_search_too_long");
            query = null;
        }
        Long labelId = null;
        if (label != null && !label.isBlank()) {
            labelId = number(label);
            if (labelId == null) {
                problems.add("contacts_label_invalid");
            }
        }
        String since = last == null || last.isBlank() ? null : last.strip();
        if (since != null && !LAST.contains(since)) {
            problems.add("contacts_last_invalid");
            since = null;
        }
        int pageNumber = 1;
        if (page != null && !page.isBlank()) {
            Long number = number(page);
            if (number == null || number < 1 || number > 100_000) {
                problems.add("contacts_page_invalid");
            } else {
                pageNumber = number.intValue();
            }
        }
        return new ContactSearch(query, labelId, since, pageNumber, List.copyOf(problems));
    }

    /** The name/e-mail LIKE pattern, with LIKE's own wildcards taken literally. */
    String likePattern() {
        return text == null ? null : "%" + escape(text) + "%";
    }

    /** The phone LIKE pattern from the digits typed; null when there are fewer than three. */
    String digitsPattern() {
        String digits = text == null ? "" : text.replaceAll("[^0-9]", "");
        return digits.length() < 3 ? null : "%" + digits + "%";
    }

    /** The earliest last contact that matches, or null for any (and for "never"). */
    Instant since(Instant now) {
        return last == null || "never".equals(last) ? null
            : now.minus(Duration.ofDays(Long.parseLong(last)));
    }

    boolean never() {
        return "never".equals(last);
    }

    boolean filtered() {
        return text != null || labelId != null || last != null;
    }

    int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    /** The same search on another page, as a query string for a link. */
    String query(int otherPage) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text != null) {
            params.put("q", text);
        }
        if (labelId != null) {
            params.put("label", labelId.toString());
        }
        if (last != null) {
            params.put("last", last);
        }
        params.put("page", Integer.toString(otherPage));
        return params.entrySet().stream().map(entry -> entry.getKey() + "="
                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Long number(String value) {
        String trimmed = value.strip();
        return trimmed.matches("[0-9]{1,18}") ? Long.valueOf(trimmed) : null;
    }
}
