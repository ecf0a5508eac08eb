package com.balcao.app.departments;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Creating and editing departments, with the checks a person can act on. */
public final class DepartmentService {
    private final DepartmentDao departments;
    private final Clock clock;

    public DepartmentService(DepartmentDao departments, Clock clock) {
        this.departments = departments;
        this.clock = clock;
    }

    /** Message keys of what is wrong with the form; empty when it can be saved. */
    List<String> problems(DepartmentForm form, Optional<Long> editing) {
        List<String> problems = new ArrayList<>();
        if (form.cleanName().isEmpty() || form.cleanName().length() > 80) {
            problems.add("department_name_invalid");
        }
        String slug = form.cleanSlug();
        if (slug.isEmpty() || slug.length() > 80) {
            problems.add("department_slug_invalid");
        } else if (departments.findBySlug(slug).filter(found -> editing.map(id -> id != found.id())
            .orElse(true)).isPresent()) {
            problems.add("department_slug_taken");
        }
        int timeout = form.timeoutMinutes();
        if (timeout < 1 || timeout > 10080) {
            problems.add("department_timeout_invalid");
        }
        if (form.cleanKeywords().length() > 500) {
            problems.add("department_keywords_too_long");
        }
        return problems;
    }

    public long create(String name, String slug, String keywords, int timeoutMinutes) {
        return departments.insert(name, slug, keywords, timeoutMinutes, false, clock.instant());
    }

    long create(DepartmentForm form) {
        return departments.insert(form.cleanName(), form.cleanSlug(), form.cleanKeywords(),
            form.timeoutMinutes(), form.autoAssign(), clock.instant());
    }

    void update(long id, DepartmentForm form) {
        departments.update(id, form.cleanName(), form.cleanSlug(), form.cleanKeywords(),
            form.timeoutMinutes(), form.autoAssign(), clock.instant());
    }

    void setActive(long id, boolean active) {
        departments.setActive(id, active, clock.instant());
    }
}
