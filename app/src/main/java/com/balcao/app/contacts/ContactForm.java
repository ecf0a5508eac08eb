package com.balcao.app.contacts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contact panel's form as staff typed it: name, e-mail and custom fields in their order.
 * A row whose key was emptied is dropped, which is how staff remove a field.
 */
record ContactForm(String name, String email, List<Field> fields) {
    static final int MAX_NAME = 255;
    static final int MAX_KEY = 40;
    static final int MAX_VALUE = 500;
    static final int MAX_FIELDS = 20;
    // Deliberately loose: one @, something on both sides, a dot in the domain, no spaces.
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    /** One custom field. */
    /** The typed fields plus one empty row to add a new one, as the forms show them. */
    List<Field> rowsWithBlank() {
        List<Field> rows = new ArrayList<>(fields);
        rows.add(new Field("", ""));
        return rows;
    }

    record Field(String key, String value) {
    }

    /** Pairs the repeated key and value inputs by position. */
    static ContactForm of(String name, String email, List<String> keys, List<String> values) {
        List<Field> fields = new ArrayList<>();
        int typedKeys = keys == null ? 0 : keys.size();
        int typedValues = values == null ? 0 : values.size();
        for (int i = 0; i < typedKeys; i++) {
            String key = trim(keys.get(i));
            if (!key.isEmpty()) {
                fields.add(new Field(key, i < typedValues ? trim(values.get(i)) : ""));
            }
        }
        return new ContactForm(trim(name), trim(email), List.copyOf(fields));
    }

    /** Message keys of what is wrong; empty when the form can be saved. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name.isEmpty() || length(name) > MAX_NAME) {
            problems.add("contact_panel_name_invalid");
        }
        if (!email.isEmpty() && (length(email) > MAX_NAME || !EMAIL.matcher(email).matches())) {
            problems.add("contact_panel_email_invalid");
        }
        if (fields.size() > MAX_FIELDS) {
            problems.add("contact_panel_fields_too_many");
        }
        if (fields.stream().anyMatch(f -> length(f.key()) > MAX_KEY
            || length(f.value()) > MAX_VALUE)) {
            problems.add("contact_panel_field_too_long");
        }
        Set<String> keys = new HashSet<>();
        if (!fields.stream().allMatch(field -> keys.add(field.key()))) {
            problems.add("contact_panel_field_duplicate");
        }
        return problems;
    }

    String emailOrNull() {
        return email.isEmpty() ? null : email;
    }

    /** Lengths as people count them, so an emoji is one character (the columns count alike). */
    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
