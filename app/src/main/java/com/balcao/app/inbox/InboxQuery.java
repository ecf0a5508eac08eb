package com.balcao.app.inbox;

import jakarta.ws.rs.QueryParam;

/**
 * The list's query string as the panel sends it (tab, department, label, person, unread,
 * search, page size and the open conversation), read once for every inbox page and fragment.
 */
public final class InboxQuery {
    @QueryParam("tab")
    String tab;
    @QueryParam("department")
    String department;
    @QueryParam("label")
    String label;
    @QueryParam("person")
    String person;
    @QueryParam("unread")
    String unread;
    @QueryParam("q")
    String query;
    @QueryParam("limit")
    String limit;
    @QueryParam("c")
    String open;

    /** The filter with the conversation the query names open. */
    InboxFilter filter() {
        return filter(open);
    }

    /** The filter with {@code conversationId} open instead. */
    InboxFilter filter(String conversationId) {
        return InboxFilter.of(tab, department, label, person, unread, query, limit,
            conversationId);
    }

    String open() {
        return open;
    }
}
