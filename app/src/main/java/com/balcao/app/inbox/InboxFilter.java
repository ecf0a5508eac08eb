package com.balcao.app.inbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the list shows, as the panel's query string carries it: the tab, department, label,
 * the person holding them, unread only, a search text, how many rows, and the open
 * conversation.
 */
record InboxFilter(InboxTab tab, Long departmentId, Long labelId, Long personId, boolean unread,
                   String query, int limit, String open) {
    static final int PAGE = 30;
    static final int MAX = 300;
    static final int MAX_QUERY = 100;

    static InboxFilter of(String tab, String department, String label, String person,
                          String unread, String query, String limit, String open) {
        String text = query == null ? null : query.strip();
        if (text != null && (text.isEmpty() || text.length() > MAX_QUERY)) {
            text = text.isEmpty() ? null : text.substring(0, MAX_QUERY);
        }
        int rows = PAGE;
        try {
            rows = limit == null ? PAGE : Math.max(PAGE, Math.min(MAX, Integer.parseInt(limit)));
        } catch (NumberFormatException ignored) {
            // A mangled number shows the first page.
        }
        return new InboxFilter(InboxTab.parse(tab), id(department), id(label), id(person),
            "1".equals(unread) || "on".equals(unread), text, rows,
            open == null || open.isBlank() ? null : open);
    }

    /** The LIKE pattern for the search, with LIKE's own wildcards taken literally. */
    String likePattern() {
        if (query == null) {
            return null;
        }
        return "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    InboxFilter withTab(InboxTab other) {
        return new InboxFilter(other, departmentId, labelId, personId, unread, query, PAGE, open);
    }

    InboxFilter withLimit(int rows) {
        return new InboxFilter(tab, departmentId, labelId, personId, unread, query, rows, open);
    }

    InboxFilter withOpen(String conversationId) {
        return new InboxFilter(tab, departmentId, labelId, personId, unread, query, limit,
            conversationId);
    }

    InboxFilter withoutPerson() {
        return new InboxFilter(tab, departmentId, labelId, null, unread, query, limit, open);
    }

    /** Which of the fixed search conditions of {@link InboxDao} this search uses. */
    String searchCondition() {
        if (query == null) {
            return InboxDao.SEARCH_NONE;
        }
        return fullTextQuery() == null ? InboxDao.SEARCH_FRAGMENT : InboxDao.SEARCH_WORDS;
    }

    /**
     * Every word of three letters or more, each required and matched as a prefix
     * ("+entreg* +prazo*"); null when there is none. Only letters and digits get through, so
     * nothing typed can act as a full-text operator.
     */
    String fullTextQuery() {
        String words = words().stream().map(word -> "+" + word + "*")
            .collect(Collectors.joining(" "));
        return words.isEmpty() ? null : words;
    }

    /** What to mark in a found message: the words the full-text search used, or the fragment. */
    List<String> searchTerms() {
        if (query == null) {
            return List.of();
        }
        List<String> words = words();
        return words.isEmpty() ? List.of(query) : words;
    }

    /** The query's words the full-text index holds: three letters or more. */
    private List<String> words() {
        if (query == null) {
            return List.of();
        }
        return Arrays.stream(query.split("[^\\p{L}\\p{N}]+"))
            .filter(word -> word.codePointCount(0, word.length()) >= 3).toList();
    }

    /** The query string that reproduces this filter. */
    String queryString() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("tab", tab.key());
        if (departmentId != null) {
            params.put("department", departmentId.toString());
        }
        if (labelId != null) {
            params.put("label", labelId.toString());
        }
        if (personId != null) {
            params.put("person", personId.toString());
        }
        if (unread) {
            params.put("unread", "1");
        }
        if (query != null) {
            params.put("q", query);
        }
        if (limit != PAGE) {
            params.put("limit", Integer.toString(limit));
        }
        if (open != null) {
            params.put("c", open);
        }
        return params.entrySet().stream().map(entry -> entry.getKey() + "="
            + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    }

    private static Long id(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
