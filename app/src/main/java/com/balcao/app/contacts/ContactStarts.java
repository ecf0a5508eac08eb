package com.balcao.app.contacts;

import com.balcao.app.auth.Staff;
import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.conversations.ConversationStarter;
import com.balcao.app.conversations.SendRequest;
import com.balcao.app.web.AppException;
import com.balcao.app.whatsapp.Templates;
import java.util.List;
import java.util.Optional;

/**
 * "Nova conversa" on a contact: the form's choices (number, department, approved template and
 * its variables) and the start itself, which {@link ConversationStarter} carries out.
 */
final class ContactStarts {
    private final ConversationStarter starter;
    private final Templates templates;

    ContactStarts(ConversationStarter starter, Templates templates) {
        this.starter = starter;
        this.templates = templates;
    }

    /** What was chosen or typed so far; any of it may be null or unreadable. */
    record Typed(String number, String department, String template, List<String> params,
                 String key) {
        static final Typed NONE = new Typed(null, null, null, List.of(), null);
    }

    /**
     * The form for {@code typed}: the number picked (the first when there is no readable
     * choice), its approved templates, and the chosen template's text and variable count.
     */
    StartForm form(Staff staff, Typed typed) {
        ConversationStarter.Choices choices = starter.choices(staff);
        Optional<ConversationStarter.NumberChoice> number = id(typed.number())
            .flatMap(id -> choices.numbers().stream().filter(n -> n.id() == id).findFirst())
            .or(() -> choices.numbers().stream().findFirst());
        Long department = id(typed.department()).filter(id -> choices.departments().stream()
                .anyMatch(d -> d.id() == id))
            .or(() -> number.flatMap(choices::departmentFor)).orElse(null);
        List<Templates.Info> approved = number.map(n -> templates.approved(n.id()))
            .orElse(List.of());
        Optional<Templates.Info> chosen = approved.stream()
            .filter(info -> value(info).equals(typed.template())).findFirst();
        return new StartForm(choices, number.orElse(null), department, approved,
            chosen.orElse(null), typed.params() == null ? List.of() : typed.params(),
            typed.key());
    }

    /** Sends the template; returns the conversation it went to. Refusals are thrown. */
    ConversationRow start(Staff staff, ContactCard contact, Typed typed) {
        long number = id(typed.number()).orElseThrow(() ->
            AppException.unprocessable("start_number", "contact_start_number_invalid"));
        Long department = typed.department() == null || typed.department().isBlank() ? null
            : id(typed.department()).orElseThrow(() -> AppException.unprocessable(
                "start_department", "contact_start_department_invalid"));
        String[] parts = typed.template() == null ? new String[0]
            : typed.template().split("\\|", 2);
        if (parts.length != 2) {
            throw AppException.unprocessable("invalid_template",
                "conversation_send_template_missing");
        }
        List<String> values = typed.params() == null ? List.of()
            : typed.params().stream().map(value -> value == null ? "" : value.strip()).toList();
        return starter.start(staff, contact.details().id(), number, department,
            new SendRequest.TemplateRef(parts[0], parts[1], null, values, null), typed.key());
    }

    /** How the form names a template: "name|language". */
    static String value(Templates.Info info) {
        return info.name() + "|" + info.language();
    }

    private static Optional<Long> id(String text) {
        return text != null && text.strip().matches("[0-9]{1,18}")
            ? Optional.of(Long.parseLong(text.strip())) : Optional.empty();
    }
}
