package com.balcao.app.appointments;

import java.time.Instant;

/** A booking with what the panel and the reminder show of its calendar and customer. */
public record AppointmentRow(long id, long calendarId, String calendarName, String professional,
                             long contactId, String contactName, String contactPhone,
                             Long conversationId, String conversationPublicId, Instant startsAt,
                             Instant endsAt, AppointmentStatus status, String note,
                             Instant reminderSentAt) {

    /** Who the customer meets: the professional, else the calendar. */
    public String who() {
        return professional != null && !professional.isBlank() ? professional : calendarName;
    }
}
