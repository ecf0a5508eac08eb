package com.balcao.app.departments;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the department form posts, tidied: trimmed, slug derived when left blank. */
record DepartmentForm(String name, String slug, String menuKeywords, String timeout,
                      boolean autoAssign) {

    static DepartmentForm of(Department department) {
        return new DepartmentForm(department.name(), department.slug(), department.menuKeywords(),
            Integer.toString(department.responseTimeoutMinutes()), department.autoAssign());
    }

    static DepartmentForm empty() {
        return new DepartmentForm("", "", "", "15", false);
    }

    String cleanName() {
        return name == null ? "" : name.trim();
    }

    String cleanSlug() {
        String source = slug == null || slug.isBlank() ? cleanName() : slug;
        String ascii = Normalizer.normalize(source, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    }

    /** Keywords, comma-separated, lower-case, without blanks or repeats. */
    String cleanKeywords() {
        if (menuKeywords == null) {
            return "";
        }
        return Arrays.stream(menuKeywords.split(","))
            .map(keyword -> keyword.trim().toLowerCase(Locale.ROOT))
            .filter(keyword -> !keyword.isEmpty()).distinct().collect(Collectors.joining(", "));
    }

    /** The timeout in minutes, or -1 when it is not a number. */
    int timeoutMinutes() {
        try {
            return Integer.parseInt(timeout == null ? "" : timeout.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
