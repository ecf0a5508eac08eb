package com.balcao.app.conversations;

import com.balcao.app.auth.Tokens;
import java.time.Instant;

/**
 * A conversation about to be opened, named by who opened it. {@link ConversationDao#insert}
 * binds its fields by name.
 *
 * @param state      its owner (and holder) from the start
 * @param customerAt the customer's message that opened it, which starts the 24-hour reply
 *                   window; null when the business wrote first
 * @param at         its first message
 */
public record NewConversation(String publicId, long contactId, long numberId,
                              Long departmentId, OwnerState state, Instant customerAt,
                              Instant at) {

    /** A customer wrote: the bot or a queue owns it, and the reply window is open. */
    static NewConversation byCustomer(long contactId, long numberId, Long departmentId,
                                      boolean botAnswers, Instant at) {
        return new NewConversation(Tokens.random(16), contactId, numberId, departmentId,
            OwnerState.opened(botAnswers), at, at);
    }

    /** Someone wrote from the business phone first: it waits in the queue, window closed. */
    static NewConversation byBusinessPhone(long contactId, long numberId, Long departmentId,
                                           Instant at) {
        return new NewConversation(Tokens.random(16), contactId, numberId, departmentId,
            OwnerState.opened(false), null, at);
    }

    /** Staff wrote first with a template: held by them, window closed until the customer. */
    static NewConversation byStaff(long contactId, long numberId, Long departmentId,
                                   OwnerState heldBy, Instant at) {
        return new NewConversation(Tokens.random(16), contactId, numberId, departmentId, heldBy,
            null, at);
    }

    public ConversationOwner owner() {
        return state.owner();
    }

    public Long assigneeId() {
        return state.assigneeId();
    }
}
