package com.balcao.app.replies;

import com.balcao.app.departments.Department;
import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;
import java.util.Objects;

/** The quick replies admin pages. */
final class QuickReplyViews {
    private QuickReplyViews() {
    }

    /** A department choice in the form. */
    record Option(String value, String label, boolean selected) {
    }

    static final class ListView extends PageView {
        private final List<QuickReply> replies;

        ListView(Page page, List<QuickReply> replies) {
            super("quick-replies.mustache", page, "replies_title", "replies");
            this.replies = replies;
        }

        public List<QuickReply> getReplies() {
            return replies;
        }
    }

    static final class FormView extends PageView {
        private final Long id;
        private final QuickReplyService.Form form;
        private final List<Option> departments;
        private final List<String> problems;

        FormView(Page page, Long id, QuickReplyService.Form form, List<Department> all,
                 List<String> problems) {
            super("quick-reply-form.mustache", page,
                id == null ? "reply_new_title" : "reply_edit_title", "replies");
            this.id = id;
            this.form = form;
            this.departments = all.stream().map(department -> new Option(
                Long.toString(department.id()), department.name(),
                Objects.equals(form.departmentId(), Long.toString(department.id())))).toList();
            this.problems = problems.stream().map(page::text).toList();
        }

        public Long getId() {
            return id;
        }

        public String getAction() {
            return id == null ? "/admin/quick-replies" : "/admin/quick-replies/" + id;
        }

        public QuickReplyService.Form getForm() {
            return form;
        }

        public List<Option> getDepartments() {
            return departments;
        }

        public List<String> getProblems() {
            return problems;
        }
    }
}
