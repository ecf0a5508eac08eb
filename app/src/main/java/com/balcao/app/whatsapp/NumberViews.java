package com.balcao.app.whatsapp;

import com.balcao.app.departments.Department;
import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The WhatsApp numbers admin pages. Secrets appear only as their last four characters. */
final class NumberViews {
    private NumberViews() {
    }

    /** A row of the list. */
    record Row(long id, String label, String phoneNumberId, String displayPhoneNumber,
               String department, int mps, String accessToken, String appSecret,
               String verifyToken, boolean active) {
    }

    /** A department option of the form. */
    record Option(long id, String name, boolean selected) {
    }

    static String hint(Page page, String hint) {
        return hint == null ? page.text("wa_number_secret_unset") : "••••" + hint;
    }

    static List<Row> rows(Page page, List<NumberRow> numbers, List<Department> departments) {
        Map<Long, String> names = departments.stream()
            .collect(Collectors.toMap(Department::id, Department::name));
        return numbers.stream().map(n -> new Row(n.id(), n.label(), n.phoneNumberId(),
            n.displayPhoneNumber(), n.defaultDepartmentId() == null ? ""
            : names.getOrDefault(n.defaultDepartmentId(), ""), n.mps(),
            hint(page, n.accessTokenHint()), hint(page, n.appSecretHint()),
            hint(page, n.verifyTokenHint()), n.active())).toList();
    }

    static final class ListView extends PageView {
        private final List<Row> numbers;

        ListView(Page page, List<Row> numbers) {
            super("numbers.mustache", page, "wa_numbers_title", "whatsapp");
            this.numbers = numbers;
        }

        public List<Row> getNumbers() {
            return numbers;
        }
    }

    /** Create or edit form; {@code stored} gives the hints of the credentials kept. */
    static final class FormView extends PageView {
        private final Long id;
        private final NumberForm form;
        private final List<Option> departments;
        private final List<String> problems;
        private final Row stored;

        FormView(Page page, Long id, NumberForm form, List<Department> departments,
                 List<String> problems, Row stored) {
            super("number-form.mustache", page, id == null ? "wa_number_new_title"
                : "wa_number_edit_title", "whatsapp");
            this.id = id;
            this.form = form;
            this.departments = departments.stream().filter(Department::active)
                .map(d -> new Option(d.id(), d.name(), Objects.equals(d.id(), form.department())))
                .toList();
            this.problems = problems.stream().map(page::text).toList();
            this.stored = stored;
        }

        public Long getId() {
            return id;
        }

        public String getAction() {
            return id == null ? "/admin/whatsapp/numbers" : "/admin/whatsapp/numbers/" + id;
        }

        public NumberForm getForm() {
            return form;
        }

        public List<Option> getDepartments() {
            return departments;
        }

        public List<String> getProblems() {
            return problems;
        }

        public Row getStored() {
            return stored;
        }
    }
}
