package com.balcao.app.realtime;

import com.balcao.app.auth.Staff;

/**
 * Who may see an event: supervisors and admins see everything; an agent sees events of the
 * departments they belong to and of conversations assigned to them.
 */
final class Audience {
    private Audience() {
    }

    static boolean maySee(Staff staff, Event event) {
        if (staff.isSupervisorOrAdmin()) {
            return true;
        }
        boolean ownDepartment = event.departmentId() != null
            && staff.departmentIds().contains(event.departmentId());
        boolean assignedToMe = event.assigneeId() != null && event.assigneeId() == staff.id();
        return ownDepartment || assignedToMe;
    }
}
