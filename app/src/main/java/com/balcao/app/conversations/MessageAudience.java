package com.balcao.app.conversations;

import org.jdbi.v3.core.mapper.Nested;

/**
 * What announcing a change of one message needs, read in one query: the message, and the
 * conversation's department and holder that decide who may see the event.
 */
public record MessageAudience(String messageId, MessageStatus status, Direction direction,
                       String conversationId, Long departmentId, Long assigneeId,
                       String contactName, String phone) {

    static final String COLUMNS = "m.public_id AS message_id, m.status, m.direction, "
        + "c.public_id AS conversation_id, c.department_id, c.assignee_id, "
        + "ct.name AS contact_name, ct.phone ";
    static final String FROM = "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        + "JOIN contacts ct ON ct.id = c.contact_id ";
    static final String SELECT = "SELECT " + COLUMNS + FROM;

    /**
     * A message Meta just accepted, and whether statuses of it came before the answer did (and
     * wait in the statuses table to be applied).
     */
    public record Accepted(@Nested MessageAudience audience, boolean statusesFirst) {
    }

    /** The name shown in notifications: the contact's, else their phone. */
    String shownName() {
        if (contactName != null && !contactName.isBlank()) {
            return contactName;
        }
        return phone != null ? PhoneNumbers.display(phone) : "";
    }
}
