package com.balcao.app.conversations;

import java.time.Instant;

/** A conversation as the REST API shows it. */
public record ConversationJson(String id, String status, Ref department, Ref assignee,
                               Contact contact, Number number, Instant lastMessageAt,
                               Instant lastInboundAt, boolean windowOpen, Instant windowClosesAt,
                               Instant createdAt, boolean botActive, int unreadCount,
                               ConversationOwner owner) {

    /** A department or a staff member. */
    public record Ref(long id, String name) {
    }

    /** The customer. {@code waId} is null for people known only by a business-scoped id. */
    public record Contact(String id, String waId, String name, String phone) {
    }

    /** The business number the customer wrote to. */
    public record Number(String phoneNumberId, String displayPhoneNumber) {
    }

    static ConversationJson of(ConversationRow row, Instant now) {
        return new ConversationJson(row.publicId(), row.status(),
            row.departmentId() == null ? null : new Ref(row.departmentId(), row.departmentName()),
            row.assigneeId() == null ? null : new Ref(row.assigneeId(), row.assigneeName()),
            new Contact(row.contactPublicId(), row.waId(), row.contactName(), row.phone()),
            new Number(row.phoneNumberId(), row.displayPhoneNumber()), row.lastMessageAt(),
            row.lastInboundAt(), row.windowOpen(now), row.windowClosesAt(), row.createdAt(),
            row.botActive(), row.unreadCount(), row.owner());
    }
}
