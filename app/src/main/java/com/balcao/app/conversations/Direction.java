package com.balcao.app.conversations;

import com.balcao.app.config.StoredWord;

/** Who a timeline entry comes from; stored and shown as "inbound", "outbound"… */
public enum Direction implements StoredWord {
    /** The customer's message. */
    INBOUND,
    /** Ours to the customer (a person, the bot, a template). */
    OUTBOUND,
    /** A change the app records (taken over, transferred…): a text key and its arguments. */
    SYSTEM,
    /** A note among colleagues, never sent. */
    NOTE
}
