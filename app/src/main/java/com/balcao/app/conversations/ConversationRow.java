package com.balcao.app.conversations;

import java.time.Instant;

/** A conversation with what the API shows of its department, assignee, contact and number. */
public record ConversationRow(long id, String publicId, String status, Long departmentId,
                       String departmentName, Long assigneeId, String assigneeName,
                       String contactPublicId, String waId, String contactUserId,
                       String contactName, String phone, long waNumberId, String phoneNumberId,
                       String displayPhoneNumber, Instant lastInboundAt, Instant lastMessageAt,
                       Instant createdAt, boolean botActive, int unreadCount,
                       Instant lastOutboundAt, long contactId) {

    boolean open() {
        return !"resolved".equals(status);
    }

    /** Whom WhatsApp delivers to: the wa_id, or the business-scoped user id. */
    String recipient() {
        return waId != null ? waId : contactUserId;
    }
}
