package com.balcao.app.whatsapp;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;

/** The templates admin pages. */
final class TemplateViews {
    private TemplateViews() {
    }

    static final class ListView extends PageView {
        private final List<TemplateRow> templates;

        ListView(Page page, List<TemplateRow> templates) {
            super("templates.mustache", page, "wa_templates_title", "whatsapp");
            this.templates = templates;
        }

        public List<TemplateRow> getTemplates() {
            return templates;
        }

        public boolean isEmpty() {
            return templates.isEmpty();
        }
    }

    /** A number whose WABA can receive the template. */
    record Option(String phoneNumberId, String label, boolean selected) {
    }

    /** The new-template form, with a preview once asked for. */
    static final class FormView extends PageView {
        private final TemplateForm form;
        private final List<Option> numbers;
        private final List<String> problems;
        private final String preview;

        FormView(Page page, TemplateForm form, List<BusinessNumber> numbers,
                 List<String> problems, String preview) {
            super("template-form.mustache", page, "wa_template_new_title", "whatsapp");
            this.form = form;
            this.numbers = numbers.stream().filter(n -> n.wabaId() != null)
                .map(n -> new Option(n.phoneNumberId(), n.label() + " (WABA " + n.wabaId() + ")",
                    n.phoneNumberId().equals(form.number()))).toList();
            this.problems = problems.stream().map(key -> key.startsWith("!") ? key.substring(1)
                : page.text(key)).toList();
            this.preview = preview;
        }

        public TemplateForm getForm() {
            return form;
        }

        public List<Option> getNumbers() {
            return numbers;
        }

        public List<String> getProblems() {
            return problems;
        }

        public String getPreview() {
            return preview;
        }
    }
}
