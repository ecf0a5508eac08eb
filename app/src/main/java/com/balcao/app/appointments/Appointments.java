package com.balcao.app.appointments;

import com.balcao.app.bot.BotAppointments;
import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Periodic;
import com.balcao.app.conversations.AutomatedMessages;
import com.balcao.app.conversations.Conversations;
import com.balcao.app.whatsapp.WhatsApp;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Appointments for the businesses that book: calendars with weekly hours and exceptions, the
 * bot offering and booking free slots, the staff page to confirm, cancel or reschedule, and a
 * reminder the day before.
 */
public final class Appointments {
    private final BotAppointments bot;

    private Appointments(BotAppointments bot) {
        this.bot = bot;
    }

    public static Appointments register(AppConfig config, Environment environment, Jdbi jdbi,
                                        WhatsApp whatsApp, Conversations conversations,
                                        Clock clock) {
        Bookings bookings = new Bookings();
        AutomatedMessages messages = new AutomatedMessages(jdbi, whatsApp.outbox(),
            whatsApp.templates(), conversations.events(), clock);
        Reminders reminders = new Reminders(jdbi, messages, config.appointments, clock);
        environment.lifecycle().manage(Periodic.every(
            Duration.ofSeconds(config.appointments.reminderSweepSeconds), "appointment-reminders",
            reminders::sendDue));
        environment.jersey().register(new AppointmentsPanelResource(
            new AppointmentDesk(jdbi, bookings, messages, config.appointments, clock)));
        environment.jersey().register(new CalendarsAdminResource(new CalendarEditor(jdbi, clock),
            new CalendarPages(jdbi, clock)));
        return new Appointments(new BotSlots(bookings));
    }

    /** What the bot books through. */
    public BotAppointments forBot() {
        return bot;
    }
}
