package com.balcao.app.conversations;

/** The business number a webhook names: its row id, default department and whether it works. */
public record NumberRef(long id, Long defaultDepartmentId, boolean active) {
}
