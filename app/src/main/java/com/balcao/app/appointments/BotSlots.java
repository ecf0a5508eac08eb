package com.balcao.app.appointments;

import com.balcao.app.bot.BotAppointments;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The bot's view of appointments: a department's free slots, and booking one. */
final class BotSlots implements BotAppointments {
    private final Bookings bookings;

    BotSlots(Bookings bookings) {
        this.bookings = bookings;
    }

    @Override
    public List<FreeSlot> free(Handle handle, String departmentSlug, Instant now, int count) {
        return bookings.freeIn(handle, departmentSlug, now, count).stream()
            .map(free -> new FreeSlot(free.calendar().id(), free.start(), free.calendar().who()))
            .toList();
    }

    @Override
    public boolean book(Handle handle, FreeSlot slot, long contactId, long conversationId,
                        String note, Instant now) {
        return bookings.book(handle, slot.calendarId(), slot.start(), contactId, conversationId,
            note, now) instanceof Bookings.Result.Booked;
    }
}
