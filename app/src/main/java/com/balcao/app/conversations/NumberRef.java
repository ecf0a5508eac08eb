package com.balcao.app.conversations;

/** The business number a webhook names: its row id and default department. */
public record NumberRef(long id, Long defaultDepartmentId) {
}
