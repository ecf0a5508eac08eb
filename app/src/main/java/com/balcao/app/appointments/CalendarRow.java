package com.balcao.app.appointments;

/**
 * A calendar: a department's, or a professional's (a staff user) inside a department. The
 * bot offers the slots of every active calendar of the department it was asked for.
 */
public record CalendarRow(long id, String name, long departmentId, String departmentSlug,
                          String departmentName, Long userId, String professionalName,
                          int slotMinutes, boolean active) {

    /** Who the customer meets: the professional's name, else the calendar's. */
    public String who() {
        return professionalName != null && !professionalName.isBlank() ? professionalName : name;
    }
}
