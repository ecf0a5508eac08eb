package com.balcao.app.appointments;

import com.balcao.app.config.AppointmentsConfig;
import com.balcao.app.conversations.AutomatedMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day before a booking (in the tenant's zone), one reminder to the customer: a text when
 * their 24-hour window is open, else the approved template. Claimed in the transaction that
 * queues it, so two sweeps never send it twice; a booking moved to another day gets a new one.
 * A booking made in the last few hours gets none: the customer has just been told.
 */
final class Reminders {
    static final Duration FRESH = Duration.ofHours(6);
    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
    private final Jdbi jdbi;
    private final AutomatedMessages messages;
    private final AppointmentsConfig config;
    private final Clock clock;

    Reminders(Jdbi jdbi, AutomatedMessages messages, AppointmentsConfig config, Clock clock) {
        this.jdbi = jdbi;
        this.messages = messages;
        this.config = config;
        this.clock = clock;
    }

    /** Tomorrow in the tenant's zone, as the instants [from, until). */
    record Day(Instant from, Instant until) {
        static Day after(Instant now) {
            LocalDate tomorrow = LocalDate.ofInstant(now, Bookings.ZONE).plusDays(1);
            return new Day(tomorrow.atStartOfDay(Bookings.ZONE).toInstant(),
                tomorrow.plusDays(1).atStartOfDay(Bookings.ZONE).toInstant());
        }
    }

    /** Sends the reminders due now; returns how many went out. */
    int sendDue() {
        Instant now = clock.instant();
        Day tomorrow = Day.after(now);
        int sent = 0;
        for (AppointmentRow due : jdbi.onDemand(AppointmentDao.class)
            .dueReminders(tomorrow.from(), tomorrow.until(), now.minus(FRESH))) {
            AutomatedMessages.Written written = jdbi.inTransaction(handle -> {
                if (handle.attach(AppointmentDao.class).claimReminder(due.id(),
                    clock.instant()) == 0 || due.conversationId() == null) {
                    return null;
                }
                return messages.write(handle, due.conversationId(), notice(due));
            });
            if (written == null) {
                continue;
            }
            if (written.sent() == AutomatedMessages.Sent.NOTHING) {
                LOG.warn("Reminder of appointment {} not sent: the customer's window is closed "
                    + "and template {} ({}) is not approved", due.id(), config.reminderTemplate,
                    config.reminderLanguage);
                continue;
            }
            messages.announce(written);
            sent++;
        }
        return sent;
    }

    private AutomatedMessages.Notice notice(AppointmentRow due) {
        String first = AppointmentTexts.firstName(due.contactName());
        String when = AppointmentTexts.when(due.startsAt());
        String text = AppointmentTexts.hello(due.contactName())
            + " Lembrete: seu horário é amanhã, " + when + ", com " + due.who()
            + ". Se precisar remarcar ou cancelar, é só responder por aqui.";
        return new AutomatedMessages.Notice(text, config.reminderTemplate,
            config.reminderLanguage, List.of(first.isEmpty() ? "cliente" : first, when,
            due.who()));
    }
}
