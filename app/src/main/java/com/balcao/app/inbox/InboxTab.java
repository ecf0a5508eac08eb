package com.balcao.app.inbox;

import java.util.Arrays;
import java.util.Locale;

/** The list's views; each is a fixed SQL condition, never built from request text. */
enum InboxTab {
    MINE("c.owner = 'AGENT' AND c.assignee_id = :me"),
    QUEUE("c.owner = 'QUEUE'"),
    WAITING("c.open_flag = 1 AND " + InboxDao.WAITING),
    ALL("c.open_flag = 1"),
    RESOLVED("c.owner = 'CLOSED'");

    private final String condition;

    InboxTab(String condition) {
        this.condition = condition;
    }

    String condition() {
        return condition;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The view a request names; an unknown or missing name opens "mine". */
    static InboxTab parse(String name) {
        return Arrays.stream(values()).filter(tab -> tab.key().equals(name)).findFirst()
            .orElse(MINE);
    }
}
