package com.balcao.app.auth;

import jakarta.ws.rs.core.NewCookie;

/**
 * The two panel cookies: the session (HttpOnly, SameSite=Lax, Secure over HTTPS) and, before
 * sign-in, the CSRF token that login forms must echo back.
 */
public final class SessionCookies {
    public static final String SESSION = "balcao_session";
    public static final String CSRF = "balcao_csrf";

    private SessionCookies() {
    }

    public static NewCookie session(String id, boolean secure) {
        return cookie(SESSION, id, secure, NewCookie.DEFAULT_MAX_AGE);
    }

    public static NewCookie csrf(String token, boolean secure) {
        return cookie(CSRF, token, secure, NewCookie.DEFAULT_MAX_AGE);
    }

    public static NewCookie expiredSession(boolean secure) {
        return cookie(SESSION, "", secure, 0);
    }

    private static NewCookie cookie(String name, String value, boolean secure, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(secure)
            .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }
}
