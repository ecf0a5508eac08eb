package com.balcao.app.departments;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;

/** The departments admin pages. */
final class DepartmentViews {
    private DepartmentViews() {
    }

    static final class ListView extends PageView {
        private final List<Department> departments;

        ListView(Page page, List<Department> departments) {
            super("departments.mustache", page, "departments_title", "departments");
            this.departments = departments;
        }

        public List<Department> getDepartments() {
            return departments;
        }
    }

    /** Create or edit form, with the problems of the last attempt. */
    static final class FormView extends PageView {
        private final Long id;
        private final DepartmentForm form;
        private final List<String> problems;

        FormView(Page page, Long id, DepartmentForm form, List<String> problems) {
            super("department-form.mustache", page,
                id == null ? "department_new_title" : "department_edit_title", "departments");
            this.id = id;
            this.form = form;
            this.problems = problems.stream().map(page::text).toList();
        }

        public Long getId() {
            return id;
        }

        public String getAction() {
            return id == null ? "/admin/departments" : "/admin/departments/" + id;
        }

        public DepartmentForm getForm() {
            return form;
        }

        public List<String> getProblems() {
            return problems;
        }
    }
}
