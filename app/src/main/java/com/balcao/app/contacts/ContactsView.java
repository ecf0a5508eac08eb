package com.balcao.app.contacts;

import com.balcao.app.conversations.PhoneNumbers;
import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;
import java.util.Map;

/** The contacts list: search and filters, one page of contacts, and the pager. */
final class ContactsView extends PageView {
    private final ContactList list;

    /** A filter option; {@code selected} marks the one in use. */
    record Option(String value, String label, boolean selected) {
    }

    /** A label shown on a row, its colour safe for the SVG attribute. */
    record Chip(String name, String color) {
    }

    /** One contact in the list. */
    record Row(String url, String name, String phone, List<Chip> labels, String lastContact) {
    }

    ContactsView(Page page, ContactList list) {
        super("contacts.mustache", page, "contacts_title", "contacts");
        this.list = list;
    }

    public String getQ() {
        return list.search().text();
    }

    public List<Option> getLastOptions() {
        return ContactSearch.LAST.stream().map(value -> new Option(value,
            page().text("contacts_last_" + value), value.equals(list.search().last()))).toList();
    }

    public List<Option> getLabelOptions() {
        return list.allLabels().stream().map(label -> new Option(Long.toString(label.id()),
            label.name(), Long.valueOf(label.id()).equals(list.search().labelId()))).toList();
    }

    public List<Row> getRows() {
        Map<Long, List<ContactDirectoryDao.ContactLabel>> labels = list.labels();
        return list.rows().stream().map(row -> new Row("/contacts/" + row.publicId(),
            row.name(), PhoneNumbers.display(row.phone() != null ? row.phone() : row.waId()),
            labels.getOrDefault(row.id(), List.of()).stream()
                .map(label -> new Chip(label.name(), color(label.color()))).toList(),
            row.lastAt() == null ? page().text("contacts_last_contact_never")
                : page().formatTime(row.lastAt()))).toList();
    }

    public List<String> getProblems() {
        return list.search().problems().stream().map(page()::text).toList();
    }

    public String getEmptyText() {
        if (!list.rows().isEmpty()) {
            return null;
        }
        return page().text(list.search().filtered() ? "contacts_empty_filtered"
            : list.total() > 0 ? "contacts_empty_page" : "contacts_empty");
    }

    public boolean isFiltered() {
        return list.search().filtered();
    }

    public String getSummary() {
        return page().text("contacts_summary", list.total(), list.search().page(), list.pages());
    }

    public String getPreviousUrl() {
        int page = list.search().page();
        return page > 1 ? "/contacts?" + list.search().query(Math.min(page - 1, list.pages()))
            : null;
    }

    public String getNextUrl() {
        int page = list.search().page();
        return page < list.pages() ? "/contacts?" + list.search().query(page + 1) : null;
    }

    /** Colours are checked when saved; this keeps anything else out of the SVG attribute. */
    static String color(String color) {
        return color != null && color.matches("#[0-9a-fA-F]{6}") ? color : "#9aa5a1";
    }
}
