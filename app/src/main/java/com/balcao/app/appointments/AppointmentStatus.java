package com.balcao.app.appointments;

/** Where a booking stands: the bot books REQUESTED, a person confirms it, or it ends. */
public enum AppointmentStatus {
    REQUESTED, CONFIRMED, CANCELLED, DONE;

    /** Whether it still holds its slot. */
    boolean holdsSlot() {
        return this == REQUESTED || this == CONFIRMED;
    }
}
