package com.balcao.app.conversations;

import com.balcao.app.auth.Staff;
import java.time.Duration;
import java.time.Instant;

/** A conversation with what the API shows of its department, assignee, contact and number. */
public record ConversationRow(long id, String publicId, ConversationOwner owner,
                              Long departmentId, String departmentName, Long assigneeId,
                              String assigneeName, String contactPublicId, String waId,
                              String contactUserId, String contactName, String phone,
                              long waNumberId, String phoneNumberId, String displayPhoneNumber,
                              Instant lastInboundAt, Instant lastMessageAt, Instant createdAt,
                              int unreadCount, Instant lastOutboundAt, long contactId) {

    /** WhatsApp takes free-form replies for 24 hours after the customer's last message. */
    public static final Duration REPLY_WINDOW = Duration.ofHours(24);

    /** When free-form replies stop being accepted; null before the customer ever wrote. */
    public Instant windowClosesAt() {
        return lastInboundAt == null ? null : lastInboundAt.plus(REPLY_WINDOW);
    }

    /** Whether a reply other than a template may be sent {@code now}. */
    public boolean windowOpen(Instant now) {
        Instant closes = windowClosesAt();
        return closes != null && closes.isAfter(now);
    }

    public OwnerState state() {
        return OwnerState.of(this);
    }

    public boolean open() {
        return owner.open();
    }

    /** "open" or "resolved", as the API and the contact panel word it. */
    public String status() {
        return owner.status();
    }

    public boolean botActive() {
        return owner == ConversationOwner.BOT;
    }

    /** Who may see it: {@link Staff#maySee}, the same rule as for its live events. */
    public boolean visibleTo(Staff staff) {
        return staff.maySee(departmentId, assigneeId);
    }

    public boolean heldBy(Staff staff) {
        return state().heldBy(staff);
    }

    public boolean heldByOther(Staff staff) {
        return state().heldByOther(staff);
    }

    public boolean mayAct(Staff staff) {
        return state().mayAct(staff);
    }

    /** Whom WhatsApp delivers to: the wa_id, or the business-scoped user id. */
    String recipient() {
        return waId != null ? waId : contactUserId;
    }
}
