package com.balcao.app.conversations;

import com.balcao.app.web.AppException;
import com.balcao.app.whatsapp.Outgoing;
import java.util.ArrayList;
import java.util.List;

/** Reply buttons and list menus, within WhatsApp's limits (CLOUD-API.md §5.5). */
final class Interactives {
    private Interactives() {
    }

    static Composer.Composed compose(SendRequest.Interactive request) {
        if (request == null) {
            throw AppException.unprocessable("invalid_interactive", "conversation_send_interactive");
        }
        String header = Composer.optional(request.header(), 60, "interactive.header");
        String footer = Composer.optional(request.footer(), 60, "interactive.footer");
        if ("button".equals(request.type())) {
            String body = Composer.required(request.body(), 1024, "interactive.body");
            List<SendRequest.Option> buttons = request.buttons() == null ? List.of()
                : request.buttons();
            if (buttons.isEmpty() || buttons.size() > 3) {
                throw AppException.unprocessable("invalid_interactive", "conversation_send_buttons");
            }
            Composer.unique(buttons, "interactive.buttons");
            List<Outgoing.Choice> choices = buttons.stream().map(option -> new Outgoing.Choice(
                option.id(), Composer.required(option.title(), 20, "interactive.buttons.title"),
                null)).toList();
            return new Composer.Composed(new Outgoing.Buttons(header, body, footer, choices),
                "interactive", body, null, null);
        }
        if ("list".equals(request.type())) {
            return list(request, header, footer);
        }
        throw AppException.unprocessable("invalid_interactive", "conversation_send_interactive");
    }

    private static Composer.Composed list(SendRequest.Interactive request, String header,
                                          String footer) {
        String body = Composer.required(request.body(), 4096, "interactive.body");
        String button = Composer.required(request.button(), 20, "interactive.button");
        List<SendRequest.Section> sections = request.sections() == null ? List.of()
            : request.sections();
        List<SendRequest.Option> all = new ArrayList<>();
        List<Outgoing.Section> out = new ArrayList<>();
        for (SendRequest.Section section : sections) {
            List<SendRequest.Option> rows = section.rows() == null ? List.of() : section.rows();
            all.addAll(rows);
            out.add(new Outgoing.Section(Composer.optional(section.title(), 24,
                "interactive.sections.title"), rows.stream().map(row -> new Outgoing.Choice(
                row.id(), Composer.required(row.title(), 24, "interactive.rows.title"),
                Composer.optional(row.description(), 72, "interactive.rows.description")))
                .toList()));
        }
        if (sections.isEmpty() || sections.size() > 10 || all.isEmpty() || all.size() > 10) {
            throw AppException.unprocessable("invalid_interactive", "conversation_send_list_rows");
        }
        Composer.unique(all, "interactive.rows");
        return new Composer.Composed(new Outgoing.ListMenu(header, body, footer, button, out),
            "interactive", body, null, null);
    }
}
