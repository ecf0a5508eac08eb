package com.balcao.app.replies;

/** A canned answer an agent inserts by typing {@code /shortcut}; null department = everyone. */
public record QuickReply(long id, String shortcut, String body, Long departmentId,
                         String departmentName) {
}
