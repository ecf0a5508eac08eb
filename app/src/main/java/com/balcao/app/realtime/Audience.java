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
        return staff.maySee(event.departmentId(), event.assigneeId());
    }
}
