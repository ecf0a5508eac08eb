package com.balcao.app.appointments;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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

    static String cancelled(AppointmentRow appointment) {
        return hello(appointment.contactName()) + " Seu horário de "
            + when(appointment.startsAt()) + " com " + appointment.who()
            + " foi cancelado. Se quiser marcar outro, é só responder por aqui.";
    }

    static String moved(AppointmentRow appointment, Instant start) {
        return hello(appointment.contactName()) + " Seu horário com " + appointment.who()
            + " mudou para " + when(start) + ". Se não puder nesse horário, é só responder "
            + "por aqui.";
    }
}
