package com.balcao.app.auth;

/** What a staff member may do. Names are used in {@code @RolesAllowed}. */
public enum Role {
    ADMIN, SUPERVISOR, AGENT;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String SUPERVISOR_NAME = "SUPERVISOR";
    public static final String AGENT_NAME = "AGENT";

    /** Whether this role sees every department rather than only its own. */
    public boolean seesAllDepartments() {
        return this != AGENT;
    }
}
