package com.balcao.app.replies;

import com.balcao.app.auth.Staff;
import com.balcao.app.departments.DepartmentDao;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Managing quick replies and finding the ones a person may use. */
public final class QuickReplyService {
    static final int MAX_BODY = 4096;
    private final QuickReplyDao replies;
    private final DepartmentDao departments;
    private final Clock clock;

    public QuickReplyService(QuickReplyDao replies, DepartmentDao departments, Clock clock) {
        this.replies = replies;
        this.departments = departments;
        this.clock = clock;
    }

    /** What the form posts, tidied. */
    record Form(String shortcut, String body, String departmentId) {
        String cleanShortcut() {
            String value = shortcut == null ? "" : shortcut.trim().toLowerCase(Locale.ROOT);
            return value.startsWith("/") ? value.substring(1) : value;
        }

        String cleanBody() {
            return body == null ? "" : body.strip();
        }

        Optional<Long> department() {
            try {
                return departmentId == null || departmentId.isBlank() ? Optional.empty()
                    : Optional.of(Long.parseLong(departmentId));
            } catch (NumberFormatException e) {
                return Optional.of(-1L);
            }
        }
    }

    /** Message keys of what is wrong; empty when the form can be saved. */
    List<String> problems(Form form, Optional<Long> editing) {
        List<String> problems = new ArrayList<>();
        String shortcut = form.cleanShortcut();
        if (!shortcut.matches("[a-z0-9_-]{1,40}")) {
            problems.add("reply_shortcut_invalid");
        } else if (replies.findByShortcut(shortcut)
            .filter(found -> editing.map(id -> id != found.id()).orElse(true)).isPresent()) {
            problems.add("reply_shortcut_taken");
        }
        if (form.cleanBody().isEmpty() || form.cleanBody().length() > MAX_BODY) {
            problems.add("reply_body_invalid");
        }
        if (form.department().filter(id -> departments.find(id).isEmpty()).isPresent()) {
            problems.add("user_departments_invalid");
        }
        return problems;
    }

    void create(Form form) {
        replies.insert(form.cleanShortcut(), form.cleanBody(), form.department().orElse(null),
            clock.instant());
    }

    void update(long id, Form form) {
        replies.update(id, form.cleanShortcut(), form.cleanBody(), form.department().orElse(null),
            clock.instant());
    }

    /** Replies whose shortcut starts with the prefix and that this person may use. */
    public List<QuickReply> usableBy(Staff staff, String prefix) {
        String clean = prefix == null ? "" : prefix.trim().toLowerCase(Locale.ROOT)
            .replaceFirst("^/", "").replaceAll("[^a-z0-9_-]", "");
        return staff.isSupervisorOrAdmin() ? replies.matchingAll(clean)
            : replies.matching(clean, staff.departmentIds());
    }
}
