package com.balcao.app.contacts;

import com.balcao.app.conversations.PhoneNumbers;
import com.balcao.app.conversations.ContactDao;
import com.balcao.app.labels.Label;
import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contact panel fragment (no page layout): the contact, the conversation's labels, the
 * edit form with what was typed, and the contact's past conversations.
 */
final class ContactPanelView extends PageView {
    private static final String NO_COLOR = "#9aa5a1";
    private final ContactPanel panel;
    private final ContactForm form;
    private final List<String> formProblems;
    private final List<String> labelProblems;
    private final String notice;

    /** A label as a chip or toggle; {@code next} is what pressing the toggle asks for. */
    record LabelItem(long id, String name, String color, boolean on, boolean next) {
    }

    /** One of the contact's other conversations, formatted. */
    record PastItem(String publicId, String date, String status, String department) {
    }

    private ContactPanelView(Page page, ContactPanel panel, ContactForm typed,
                             List<String> formProblems, List<String> labelProblems,
                             String noticeKey) {
        super("contact-panel.mustache", page, "contact_panel_title", "inbox");
        this.panel = panel;
        this.form = typed != null ? typed : new ContactForm(text(panel.contact().name()),
            text(panel.contact().email()), panel.fields());
        this.formProblems = formProblems.stream().map(page::text).toList();
        this.labelProblems = labelProblems.stream().map(page::text).toList();
        this.notice = noticeKey == null ? null : page.text(noticeKey);
    }

    /** The panel as saved, the form filled from it. */
    static ContactPanelView of(Page page, ContactPanel panel) {
        return new ContactPanelView(page, panel, null, List.of(), List.of(), null);
    }

    /** Right after the contact was saved, with a confirmation. */
    static ContactPanelView saved(Page page, ContactPanel panel) {
        return new ContactPanelView(page, panel, null, List.of(), List.of(),
            "contact_panel_saved");
    }

    /** The form refused: what was typed stays in it, with the problems above it. */
    static ContactPanelView refused(Page page, ContactPanel panel, ContactForm typed,
                                    List<String> problems) {
        return new ContactPanelView(page, panel, typed, problems, List.of(), null);
    }

    /** A label change refused, its problems shown by the labels. */
    static ContactPanelView labelRefused(Page page, ContactPanel panel, List<String> problems) {
        return new ContactPanelView(page, panel, null, List.of(), problems, null);
    }

    public String getConversationId() {
        return panel.conversation().publicId();
    }

    public String getName() {
        return panel.contact().name();
    }

    public String getPhone() {
        ContactDao.Details contact = panel.contact();
        return PhoneNumbers.display(contact.phone() != null ? contact.phone() : contact.waId());
    }

    public String getEmail() {
        return panel.contact().email();
    }

    public List<ContactForm.Field> getFields() {
        return panel.fields();
    }

    public List<LabelItem> getChips() {
        return panel.labels().stream().map(label -> item(label, true)).toList();
    }

    public List<LabelItem> getLabels() {
        Set<Long> on = panel.labels().stream().map(Label::id).collect(Collectors.toSet());
        return panel.allLabels().stream().map(label -> item(label, on.contains(label.id())))
            .toList();
    }

    public ContactForm getForm() {
        return form;
    }

    /** The typed fields plus one empty row to add a new one. */
    public List<ContactForm.Field> getRows() {
        return form.rowsWithBlank();
    }

    public List<PastItem> getPast() {
        return panel.past().stream().map(row -> new PastItem(row.publicId(),
            page().formatTime(row.createdAt()),
            page().messages().all().getOrDefault("contact_panel_status_" + row.status(),
                row.status()),
            row.departmentName() == null ? "—" : row.departmentName())).toList();
    }

    public List<String> getFormProblems() {
        return formProblems;
    }

    public List<String> getLabelProblems() {
        return labelProblems;
    }

    public String getNotice() {
        return notice;
    }

    private static LabelItem item(Label label, boolean on) {
        // Colours are checked when saved; this keeps anything else out of the SVG attribute.
        String color = label.color() != null && label.color().matches("#[0-9a-fA-F]{6}")
            ? label.color() : NO_COLOR;
        return new LabelItem(label.id(), label.name(), color, on, !on);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
