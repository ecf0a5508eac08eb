package com.balcao.app.auth;

import java.security.Principal;
import java.util.Set;

/**
 * The signed-in staff member of a request. Agents are scoped to {@link #departmentIds};
 * supervisors and admins see every department.
 */
public record Staff(long id, String email, String name, Role role, String locale,
                    Set<Long> departmentIds) implements Principal {

    @Override
    public String getName() {
        return email;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isSupervisorOrAdmin() {
        return role != Role.AGENT;
    }

    /**
     * Whether this person may see a conversation (or an event about one) of
     * {@code departmentId} held by {@code assigneeId}: supervisors and admins see everything,
     * an agent their departments' and what they hold.
     */
    public boolean maySee(Long departmentId, Long assigneeId) {
        return role.seesAllDepartments() || assigneeId != null && assigneeId == id
            || departmentId != null && departmentIds.contains(departmentId);
    }

    /** Whether this person may see data of the given department. */
    public boolean canSeeDepartment(long departmentId) {
        return role.seesAllDepartments() || departmentIds.contains(departmentId);
    }
}
