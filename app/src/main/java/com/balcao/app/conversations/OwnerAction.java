package com.balcao.app.conversations;

/** What can happen to a conversation's owner; {@link OwnerState} says from where to where. */
public enum OwnerAction {
    /** The customer wrote in a conversation that is open. */
    CUSTOMER_WROTE,
    /** An automatic flow passes the customer to a department's queue. */
    BOT_HANDS_OVER,
    /** A person takes the conversation (from the queue, or away from the bot). */
    TAKE_OVER,
    /** Automatic distribution gives a queued conversation to an agent. */
    AUTO_ASSIGN,
    /** Sent to a department's queue, nobody holding it. */
    TRANSFER_TO_QUEUE,
    /** Sent to one person (in a department or not). */
    TRANSFER_TO_PERSON,
    /** Out of every person's hands, back to the automatic flow. */
    RETURN_TO_BOT,
    RESOLVE,
    /** A resolved conversation opened again, held by whoever reopens it. */
    REOPEN,
    /** Someone answered from the WhatsApp Business app on the phone: the bot stops. */
    BUSINESS_PHONE_REPLIED
}
