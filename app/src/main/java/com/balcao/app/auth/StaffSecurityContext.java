package com.balcao.app.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The security context of a signed-in request; roles are the {@link Role} names. */
final class StaffSecurityContext implements SecurityContext {
    private final Staff staff;
    private final boolean secure;
    private final String scheme;

    StaffSecurityContext(Staff staff, boolean secure, String scheme) {
        this.staff = staff;
        this.secure = secure;
        this.scheme = scheme;
    }

    @Override
    public Principal getUserPrincipal() {
        return staff;
    }

    @Override
    public boolean isUserInRole(String role) {
        return staff.role().name().equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
