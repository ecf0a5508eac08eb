package com.balcao.app.contacts;

import com.balcao.app.auth.Tokens;
import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.conversations.PhoneNumbers;
import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import com.balcao.app.whatsapp.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One contact: details and their edit form, labels, the conversations the viewer may see,
 * and "Nova conversa". {@code contact-start.mustache} is that last form alone, for htmx.
 */
final class ContactView extends PageView {
    private final ContactCard card;
    private final ContactForm form;
    private final List<String> formProblems;
    private final StartForm start;
    private final String startError;

    /** One of the contact's conversations, formatted. */
    record ConversationItem(String url, String date, String status, String department,
                            String assignee) {
    }

    /** A choice in a select; {@code selected} marks the current one. */
    record Choice(String value, String label, boolean selected) {
    }

    /** One template variable's input, with what was typed. */
    record Param(int number, String value) {
    }

    private ContactView(String template, Page page, ContactCard card, ContactForm typed,
                        List<String> formProblems, StartForm start, String startError) {
        super(template, page, "contact_title", "contacts");
        this.card = card;
        this.form = typed != null ? typed : new ContactForm(text(card.details().name()),
            text(card.details().email()), card.fields());
        this.formProblems = formProblems.stream().map(page::text).toList();
        this.start = start;
        this.startError = startError;
    }

    static ContactView of(Page page, ContactCard card, StartForm start) {
        return new ContactView("contact.mustache", page, card, null, List.of(), start, null);
    }

    /** The edit form refused: what was typed stays, with the problems above it. */
    static ContactView refused(Page page, ContactCard card, StartForm start, ContactForm typed,
                               List<String> problems) {
        return new ContactView("contact.mustache", page, card, typed, problems, start, null);
    }

    /** The start refused: the page again, the reason in the "Nova conversa" form. */
    static ContactView startRefused(Page page, ContactCard card, StartForm start, String why) {
        return new ContactView("contact.mustache", page, card, null, List.of(), start, why);
    }

    /** The "Nova conversa" form alone, after a number or template was picked. */
    static ContactView startForm(Page page, ContactCard card, StartForm start) {
        return new ContactView("contact-start.mustache", page, card, null, List.of(), start,
            null);
    }

    public String getId() {
        return card.publicId();
    }

    public String getName() {
        return card.details().name();
    }

    public String getPhone() {
        String phone = card.details().phone();
        return PhoneNumbers.display(phone != null ? phone : card.details().waId());
    }

    public String getEmail() {
        return card.details().email();
    }

    public List<ContactForm.Field> getFields() {
        return card.fields();
    }

    public List<ContactsView.Chip> getChips() {
        return card.labels().stream().map(label -> new ContactsView.Chip(label.name(),
            ContactsView.color(label.color()))).toList();
    }

    public ContactForm getForm() {
        return form;
    }

    /** The typed fields plus one empty row to add a new one. */
    public List<ContactForm.Field> getRows() {
        List<ContactForm.Field> rows = new ArrayList<>(form.fields());
        rows.add(new ContactForm.Field("", ""));
        return rows;
    }

    public List<String> getFormProblems() {
        return formProblems;
    }

    public List<ConversationItem> getConversations() {
        return card.conversations().stream().map(this::item).toList();
    }

    private ConversationItem item(ConversationRow row) {
        return new ConversationItem("/inbox?c=" + row.publicId(),
            page().formatTime(row.lastMessageAt()),
            page().messages().all().getOrDefault("contact_panel_status_" + row.status(),
                row.status()),
            row.departmentName() == null ? "—" : row.departmentName(),
            row.assigneeName());
    }

    /** Whether the person may start: a number and a department are within their reach. */
    public boolean isCanStart() {
        return start.number() != null && !start.choices().departments().isEmpty();
    }

    public List<Choice> getNumbers() {
        return start.choices().numbers().stream().map(number -> new Choice(
            Long.toString(number.id()), number.label() == null || number.label().isBlank()
                ? number.displayPhoneNumber()
                : number.label() + " · " + number.displayPhoneNumber(),
            start.number() != null && number.id() == start.number().id())).toList();
    }

    public boolean isManyNumbers() {
        return start.choices().numbers().size() > 1;
    }

    public String getNumber() {
        return start.number() == null ? null : Long.toString(start.number().id());
    }

    public List<Choice> getDepartments() {
        return start.choices().departments().stream().map(department -> new Choice(
            Long.toString(department.id()), department.name(),
            Objects.equals(department.id(), start.departmentId()))).toList();
    }

    public boolean isManyDepartments() {
        return start.choices().departments().size() > 1;
    }

    public String getDepartment() {
        return start.departmentId() == null ? null : start.departmentId().toString();
    }

    public List<Choice> getTemplates() {
        return start.templates().stream().map(info -> new Choice(ContactStarts.value(info),
            info.name() + " (" + info.language() + ")", info.equals(start.template())))
            .toList();
    }

    public String getTemplateBody() {
        return start.template() == null ? null : start.template().bodyText();
    }

    public List<Param> getParams() {
        Templates.Info chosen = start.template();
        if (chosen == null) {
            return List.of();
        }
        return IntStream.rangeClosed(1, chosen.parameterCount()).mapToObj(number -> new Param(
            number, number <= start.params().size() ? start.params().get(number - 1) : ""))
            .toList();
    }

    /** The send's idempotency key: kept across a refusal, so a retry never sends twice. */
    public String getKey() {
        return start.key() != null && !start.key().isBlank() ? start.key() : Tokens.random(16);
    }

    public String getStartError() {
        return startError;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
