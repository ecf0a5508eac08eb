package com.balcao.app.conversations;

import com.balcao.app.auth.Staff;
import com.balcao.app.web.AppException;
import java.util.List;
import java.util.Optional;

/**
 * Reading conversations within a person's reach. Someone outside a conversation's department
 * gets the same 404 as for one that does not exist: existence itself is not leaked.
 */
public final class ConversationQueries {
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

    public ConversationRow find(Staff staff, String publicId) {
        return conversations.findByPublicId(publicId).filter(row -> row.visibleTo(staff))
            .orElseThrow(ConversationQueries::notFound);
    }

    public Optional<ConversationRow> findVisible(Staff staff, String publicId) {
        return conversations.findByPublicId(publicId).filter(row -> row.visibleTo(staff));
    }

    public Optional<ConversationRow> findById(Staff staff, long id) {
        return conversations.find(id).filter(row -> row.visibleTo(staff));
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
            throw AppException.badRequest("invalid_limit",
                "conversation_invalid_limit", MAX_LIMIT);
        }
        return requested;
    }

    public static AppException notFound() {
        return AppException.notFound("not_found",
            "conversation_not_found");
    }

    private static Long parseId(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw AppException.badRequest("invalid_filter",
                "conversation_invalid_assignee");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
