package com.balcao.app.conversations;

import com.balcao.app.auth.Staff;
import com.balcao.app.web.AppException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * Reading conversations within a person's reach. Someone outside a conversation's department
 * gets the same 404 as for one that does not exist: existence itself is not leaked.
 */
final class ConversationQueries {
    static final int MAX_LIMIT = 100;
    private final ConversationDao conversations;
    private final MessageDao messages;

    ConversationQueries(ConversationDao conversations, MessageDao messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    /** The list's filters as the API takes them. */
    record Filter(String status, Long departmentId, String assignee, String waId) {
    }

    static boolean canSee(Staff staff, ConversationRow conversation) {
        if (staff.role().seesAllDepartments()) {
            return true;
        }
        Long assignee = conversation.assigneeId();
        return assignee != null && assignee == staff.id()
            || conversation.departmentId() != null
            && staff.canSeeDepartment(conversation.departmentId());
    }

    ConversationRow find(Staff staff, String publicId) {
        return conversations.findByPublicId(publicId).filter(row -> canSee(staff, row))
            .orElseThrow(ConversationQueries::notFound);
    }

    Optional<ConversationRow> findVisible(Staff staff, String publicId) {
        return conversations.findByPublicId(publicId).filter(row -> canSee(staff, row));
    }

    Optional<ConversationRow> findById(Staff staff, long id) {
        return conversations.find(id).filter(row -> canSee(staff, row));
    }

    List<ConversationRow> page(Staff staff, Filter filter, Cursor cursor, int limit) {
        Long assigneeId = null;
        boolean unassigned = false;
        if ("me".equals(filter.assignee())) {
            assigneeId = staff.id();
        } else if ("none".equals(filter.assignee())) {
            unassigned = true;
        } else if (filter.assignee() != null && !filter.assignee().isBlank()) {
            assigneeId = parseId(filter.assignee());
        }
        String waId = filter.waId() == null ? null : PhoneNumbers.normalise(filter.waId());
        return conversations.page(staff.role().seesAllDepartments(),
            List.copyOf(staff.departmentIds()), staff.id(), blankToNull(filter.status()),
            filter.departmentId(), assigneeId, unassigned, waId,
            cursor == null ? null : cursor.at(), cursor == null ? null : cursor.id(), limit + 1);
    }

    List<MessageRow> messages(ConversationRow conversation, Cursor cursor, int limit) {
        return messages.page(conversation.id(), cursor == null ? null : cursor.at(),
            cursor == null ? null : cursor.id(), limit + 1);
    }

    MessageRow message(ConversationRow conversation, String publicId) {
        return messages.findInConversation(conversation.id(), publicId)
            .orElseThrow(ConversationQueries::notFound);
    }

    static int limit(Integer requested) {
        if (requested == null) {
            return 50;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new AppException(Response.Status.BAD_REQUEST, "invalid_limit",
                "conversation_invalid_limit", MAX_LIMIT);
        }
        return requested;
    }

    static AppException notFound() {
        return new AppException(Response.Status.NOT_FOUND, "not_found",
            "conversation_not_found");
    }

    private static Long parseId(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new AppException(Response.Status.BAD_REQUEST, "invalid_filter",
                "conversation_invalid_assignee");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
