package com.balcao.app.appointments;

import com.balcao.app.bot.BotAppointments;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
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

    public static Appointments register(Environment environment, Jdbi jdbi, Clock clock) {
        Bookings bookings = new Bookings();
        environment.jersey().register(new AppointmentsPanelResource(
            new AppointmentDesk(jdbi, bookings, clock)));
        environment.jersey().register(new CalendarsAdminResource(new CalendarEditor(jdbi, clock),
            new CalendarPages(jdbi, clock)));
        return new Appointments(new BotSlots(bookings));
    }

    /** What the bot books through. */
    public BotAppointments forBot() {
        return bot;
    }
}
