package com.balcao.app.realtime;

import java.util.List;

/** Whether a staff member can take conversations now. */
public enum PresenceState {
    /** A panel is open and was used recently. */
    ONLINE,
    /** A panel is open but idle, or the person said they are away. */
    AWAY,
    /** The person is at work but said they are busy: no conversation is handed to them. */
    BUSY,
    /** No panel open anywhere. */
    OFFLINE;

    /** The states a person may choose for themselves in the top bar. */
    public static final List<PresenceState> CHOOSABLE = List.of(ONLINE, AWAY, BUSY);
}
