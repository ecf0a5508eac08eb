package com.balcao.app.inbox;

import java.util.List;

/** The left column: tabs with counters, filters, and one page of conversations. */
record InboxList(List<Tab> tabs, List<Option> departments, List<Option> labels, boolean unread,
                 String query, String tab, String open, List<Item> items, String moreUrl,
                 String refreshUrl, Person person) {

    /** The person whose conversations the list is limited to, and the way back to all. */
    record Person(String name, String clearUrl) {
    }

    /** A view of the list with what it shows ({@code hint}) and its counter (0 hides it). */
    record Tab(String key, String label, String hint, int count, boolean active, String url) {

        public boolean hasCount() {
            return count > 0;
        }
    }

    /** A choice of a filter's drop-down. */
    record Option(long id, String name, boolean selected) {
    }

    /** A label chip. */
    record Chip(String name, String color) {
    }

    /**
     * A conversation in the list; {@code foundHtml} is the message a search found in it
     * ({@code foundMessage}), escaped with the searched words marked; {@code author} who wrote
     * the last message when it was ours ("Você", a colleague's first name, the bot).
     */
    record Item(String id, String name, String initials, int hue, String phone, String preview,
                String foundHtml,
                String foundMessage, String author,
                String time, int unread, String assignee, String department, boolean bot,
                boolean resolved, boolean waiting, List<Chip> labels, boolean active,
                String url, String paneUrl) {

        public boolean hasUnread() {
            return unread > 0;
        }
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
