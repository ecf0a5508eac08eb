package com.balcao.app.appointments;

import com.balcao.app.config.AppointmentsConfig;
import com.balcao.app.conversations.AutomatedMessages;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the customer reads about their booking: when, with whom, and their first name. */
final class AppointmentTexts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
        "EEEE, dd/MM 'às' HH:mm", Locale.forLanguageTag("pt-BR"));

    private AppointmentTexts() {
    }

    /** "sexta-feira, 05/12 às 14:00", in the tenant's zone. */
    static String when(Instant start) {
        return WHEN.format(ZonedDateTime.ofInstant(start, Bookings.ZONE));
    }

    static String firstName(String name) {
        return name == null || name.isBlank() ? "" : name.strip().split("\\s+")[0];
    }

    /** "Olá, Ana!" or, without a name, "Olá!". */
    static String hello(String name) {
        String first = firstName(name);
        return first.isEmpty() ? "Olá!" : "Olá, " + first + "!";
    }

    /** The cancellation: a text in the window, else the template the config names. */
    static AutomatedMessages.Notice cancelled(AppointmentRow appointment,
                                              AppointmentsConfig config) {
        String when = when(appointment.startsAt());
        return new AutomatedMessages.Notice(hello(appointment.contactName()) + " Seu horário de "
            + when + " com " + appointment.who()
            + " foi cancelado. Se quiser marcar outro, é só responder por aqui.",
            config.cancelledTemplate, config.changeLanguage,
            List.of(templateName(appointment), when, appointment.who()));
    }

    /** The move to {@code start}: a text in the window, else the configured template. */
    static AutomatedMessages.Notice moved(AppointmentRow appointment, Instant start,
                                          AppointmentsConfig config) {
        return new AutomatedMessages.Notice(hello(appointment.contactName()) + " Seu horário com "
            + appointment.who() + " mudou para " + when(start) + ". Se não puder nesse horário, "
            + "é só responder por aqui.", config.movedTemplate, config.changeLanguage,
            List.of(templateName(appointment), appointment.who(), when(start)));
    }

    /** A template variable may not be empty: "cliente" stands in for a missing name. */
    static String templateName(AppointmentRow appointment) {
        String first = firstName(appointment.contactName());
        return first.isEmpty() ? "cliente" : first;
    }
}
