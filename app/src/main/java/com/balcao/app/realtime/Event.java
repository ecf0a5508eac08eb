package com.balcao.app.realtime;

import java.util.Map;

/**
 * Something that changed, for the panels and integrations that watch it. {@code departmentId}
 * and {@code assigneeId} decide who may see it: staff of that department, the assignee, and
 * supervisors/admins. {@code data} holds the ids involved (conversationId, messageId…).
 */
public record Event(String type, Long departmentId, Long assigneeId, Map<String, Object> data) {

    public static Event of(EventType type, Long departmentId, Long assigneeId,
                           Map<String, Object> data) {
        return new Event(type.wire(), departmentId, assigneeId, Map.copyOf(data));
    }
}
