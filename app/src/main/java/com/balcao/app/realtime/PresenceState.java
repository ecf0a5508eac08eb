package com.balcao.app.realtime;

/** Whether a staff member can take conversations now. */
public enum PresenceState {
    /** A panel is open and was used recently. */
    ONLINE,
    /** A panel is open but idle, or the person said they are away. */
    AWAY,
    /** No panel open anywhere. */
    OFFLINE
}
