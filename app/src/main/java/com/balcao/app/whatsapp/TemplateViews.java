package com.balcao.app.whatsapp;

import com.balcao.app.web.Messages;
import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;

/** The templates admin pages. */
final class TemplateViews {
    private TemplateViews() {
    }

    /** A template as the list shows it: Meta's category and status words in the page's language. */
    record Entry(String name, String language, String category, String status, String reason,
                 String bodyText) {
        static Entry of(TemplateRow row, Page page) {
            return new Entry(row.name(), row.language(),
                label(page.messages(), "wa_template_category_", row.category()),
                label(page.messages(), "wa_template_status_", row.status()), row.reason(), row.bodyText());
        }
    }

    /** Meta's upper-case word translated when the bundle knows it, shown as Meta wrote it else. */
    static String label(Messages messages, String prefix, String metaWord) {
        if (metaWord == null) {
            return "";
        }
        String key = prefix + metaWord.toLowerCase(java.util.Locale.ROOT);
        return messages.all().getOrDefault(key, metaWord);
    }

    static final class ListView extends PageView {
        private final List<Entry> templates;

        ListView(Page page, List<TemplateRow> templates) {
            super("templates.mustache", page, "wa_templates_title", "whatsapp");
            this.templates = templates.stream().map(row -> Entry.of(row, page)).toList();
        }

        public List<Entry> getTemplates() {
            return templates;
        }

        public boolean isEmpty() {
            return templates.isEmpty();
        }
    }

    /** A number whose WABA can receive the template. */
    record Option(String phoneNumberId, String label, boolean selected) {
    }

    /** A category the form offers, labelled in the page's language. */
    record Category(String value, String label, boolean selected) {
    }

    /** The new-template form, with a preview once asked for. */
    static final class FormView extends PageView {
        private final TemplateForm form;
        private final List<Option> numbers;
        private final List<String> problems;
        private final String preview;
        private final List<Category> categories;

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
            this.categories = TemplateForm.CATEGORIES.stream().map(value -> new Category(value,
                label(page.messages(), "wa_template_category_", value), value.equals(form.category())))
                .toList();
        }

        public List<Category> getCategories() {
            return categories;
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
