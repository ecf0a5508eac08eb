package com.balcao.app.conversations;

import static com.balcao.app.conversations.ConversationOwner.AGENT;
import static com.balcao.app.conversations.ConversationOwner.BOT;
import static com.balcao.app.conversations.ConversationOwner.CLOSED;
import static com.balcao.app.conversations.ConversationOwner.QUEUE;

import com.balcao.app.auth.Staff;
import java.util.EnumMap;
import java.util.Map;

/**
 * A conversation's owner and holder, and every move between owners: the transition table and
 * its guards ("only the holder may send", "a closed conversation takes no reply", "someone
 * else's conversation is theirs unless a supervisor steps in"). The panel, the REST API,
 * automatic distribution, the recorder and the bot all move a conversation through here; a
 * move the table does not allow throws {@link InvalidTransition}. Pure: no database, no clock.
 *
 * @param assigneeId   who holds it while {@link ConversationOwner#AGENT} (kept once closed:
 *                     who had it)
 * @param assigneeName their name, for "this conversation is with …"
 */
public record OwnerState(ConversationOwner owner, Long assigneeId, String assigneeName) {

    /** Where each action leads from each owner; a missing cell is refused. */
    private static final Map<OwnerAction, Map<ConversationOwner, ConversationOwner>> TABLE =
        new EnumMap<>(OwnerAction.class);

    static {
        row(OwnerAction.CUSTOMER_WROTE, BOT, BOT, QUEUE, QUEUE, AGENT, AGENT);
        row(OwnerAction.BOT_HANDS_OVER, BOT, QUEUE);
        row(OwnerAction.TAKE_OVER, BOT, AGENT, QUEUE, AGENT, AGENT, AGENT);
        row(OwnerAction.AUTO_ASSIGN, QUEUE, AGENT);
        row(OwnerAction.TRANSFER_TO_QUEUE, BOT, QUEUE, QUEUE, QUEUE, AGENT, QUEUE);
        row(OwnerAction.TRANSFER_TO_PERSON, BOT, AGENT, QUEUE, AGENT, AGENT, AGENT);
        row(OwnerAction.RETURN_TO_BOT, BOT, BOT, QUEUE, BOT, AGENT, BOT);
        row(OwnerAction.RESOLVE, BOT, CLOSED, QUEUE, CLOSED, AGENT, CLOSED);
        row(OwnerAction.REOPEN, CLOSED, AGENT);
        row(OwnerAction.BUSINESS_PHONE_REPLIED, BOT, AGENT, QUEUE, AGENT, AGENT, AGENT);
    }

    private static void row(OwnerAction action, ConversationOwner... fromTo) {
        Map<ConversationOwner, ConversationOwner> cells = new EnumMap<>(ConversationOwner.class);
        for (int i = 0; i < fromTo.length; i += 2) {
            cells.put(fromTo[i], fromTo[i + 1]);
        }
        TABLE.put(action, cells);
    }

    /** The state of a conversation just opened by a customer's message. */
    public static OwnerState opened(boolean botAnswers) {
        return new OwnerState(botAnswers ? BOT : QUEUE, null, null);
    }

    /** A conversation the business opens: held from the start by the person who wrote first. */
    public static OwnerState openedBy(Staff staff) {
        return new OwnerState(AGENT, staff.id(), staff.name());
    }

    public static OwnerState of(ConversationRow row) {
        return new OwnerState(row.owner(), row.assigneeId(), row.assigneeName());
    }

    /** Where {@code action} leads from {@code from}; throws when the table refuses it. */
    public static ConversationOwner next(ConversationOwner from, OwnerAction action) {
        ConversationOwner to = TABLE.get(action).get(from);
        if (to != null) {
            return to;
        }
        if (from == CLOSED) {
            throw new InvalidTransition("closed", "conversation_closed");
        }
        throw switch (action) {
            case REOPEN -> new InvalidTransition("already_open", "conversation_already_open");
            case BOT_HANDS_OVER -> new InvalidTransition("not_bot", "conversation_not_bot");
            case AUTO_ASSIGN -> new InvalidTransition("not_queued", "conversation_not_queued");
            default -> new IllegalStateException(action + " from " + from + " is not in the table");
        };
    }

    /** Whether the table allows {@code action} now (the person-based guards aside). */
    public boolean allows(OwnerAction action) {
        return TABLE.get(action).containsKey(owner);
    }

    public boolean open() {
        return owner.open();
    }

    /** The bot speaks only while it owns the conversation. */
    public boolean mayBotSpeak() {
        return owner.mayBotSpeak();
    }

    public boolean heldBy(Staff staff) {
        return owner == AGENT && assigneeId != null && assigneeId == staff.id();
    }

    public boolean heldByOther(Staff staff) {
        return owner == AGENT && assigneeId != null && assigneeId != staff.id();
    }

    /** Open, and not someone else's (unless a supervisor or admin steps in). */
    public boolean mayAct(Staff staff) {
        return open() && (!heldByOther(staff) || staff.isSupervisorOrAdmin());
    }

    /** The customer wrote: nothing changes hands (a closed conversation opens a new one). */
    public OwnerState customerWrote() {
        return to(next(owner, OwnerAction.CUSTOMER_WROTE), assigneeId, assigneeName);
    }

    /** The bot passes the customer to the queue of the conversation's department. */
    public OwnerState botHandsOver() {
        return to(next(owner, OwnerAction.BOT_HANDS_OVER), null, null);
    }

    /** The bot's flow ends the conversation (the customer said goodbye). */
    public OwnerState botCloses() {
        if (!mayBotSpeak()) {
            throw new InvalidTransition("not_bot", "conversation_not_bot");
        }
        return to(next(owner, OwnerAction.RESOLVE), null, null);
    }

    /** The person becomes the only holder; the same state when they hold it already. */
    public OwnerState takeOver(Staff staff) {
        ConversationOwner to = next(owner, OwnerAction.TAKE_OVER);
        if (heldByOther(staff)) {
            throw taken();
        }
        return to(to, staff.id(), staff.name());
    }

    public OwnerState autoAssign(long userId, String name) {
        return to(next(owner, OwnerAction.AUTO_ASSIGN), userId, name);
    }

    /** To a department's queue ({@code assigneeId} null) or to one person. */
    public OwnerState transfer(Staff staff, Long assigneeId, String name) {
        OwnerAction action = assigneeId == null ? OwnerAction.TRANSFER_TO_QUEUE
            : OwnerAction.TRANSFER_TO_PERSON;
        return to(acting(staff, action), assigneeId, assigneeId == null ? null : name);
    }

    public OwnerState returnToBot(Staff staff) {
        return to(acting(staff, OwnerAction.RETURN_TO_BOT), null, null);
    }

    /** Closed; who held it stays recorded. */
    public OwnerState resolve(Staff staff) {
        return to(acting(staff, OwnerAction.RESOLVE), assigneeId, assigneeName);
    }

    public OwnerState reopen(Staff staff) {
        return to(next(owner, OwnerAction.REOPEN), staff.id(), staff.name());
    }

    /**
     * A person wrote from the business phone: the bot stops and the conversation leaves the
     * queue, held by the phone (no staff holder) until someone in the panel takes it over; a
     * person holding it keeps it.
     */
    public OwnerState businessPhoneReplied() {
        ConversationOwner to = next(owner, OwnerAction.BUSINESS_PHONE_REPLIED);
        return owner == AGENT ? this : new OwnerState(to, null, null);
    }

    /** Answered from the business phone and not yet taken by anyone in the panel. */
    public boolean heldByBusinessPhone() {
        return owner == AGENT && assigneeId == null;
    }

    /** Only the person holding an open conversation writes to the customer. */
    public void requireMaySend(Staff staff) {
        if (!open()) {
            throw new InvalidTransition("closed", "conversation_closed");
        }
        if (heldByOther(staff)) {
            throw taken();
        }
        if (!heldBy(staff)) {
            throw new InvalidTransition("not_taken", "chat_take_first");
        }
    }

    private ConversationOwner acting(Staff staff, OwnerAction action) {
        ConversationOwner to = next(owner, action);
        if (!mayAct(staff)) {
            throw taken();
        }
        return to;
    }

    private InvalidTransition taken() {
        return new InvalidTransition("conversation_taken", "conversation_taken_by",
            assigneeName);
    }

    private static OwnerState to(ConversationOwner owner, Long assigneeId, String name) {
        return new OwnerState(owner, owner == AGENT || owner == CLOSED ? assigneeId : null,
            owner == AGENT || owner == CLOSED ? name : null);
    }
}
