package com.balcao.app.bot;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the bot needs of the appointments feature: a department's next free slots and booking
 * one, on the bot's locked transaction. {@link #NONE} when the app has no appointments.
 */
public interface BotAppointments {

    /** A free slot: the calendar it belongs to, its start, and who the customer meets. */
    record FreeSlot(long calendarId, Instant start, String who) {
    }

    List<FreeSlot> free(Handle handle, String departmentSlug, Instant now, int count);

    /**
     * Books the slot for the conversation's contact, with a note for the team (e.g. the
     * service picked); false when it is no longer free.
     */
    boolean book(Handle handle, FreeSlot slot, long contactId, long conversationId, String note,
                 Instant now);

    BotAppointments NONE = new BotAppointments() {
        @Override
        public List<FreeSlot> free(Handle handle, String departmentSlug, Instant now,
                                   int count) {
            return List.of();
        }

        @Override
        public boolean book(Handle handle, FreeSlot slot, long contactId, long conversationId,
                            String note, Instant now) {
            return false;
        }
    };
}
