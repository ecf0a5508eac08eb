package com.balcao.app.auth;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request came from, as recorded with login attempts. */
public record Client(String ip, String userAgent) {
    /** The client of a servlet request; "unknown" when served outside a servlet container. */
    public static Client of(HttpServletRequest http) {
        return http == null ? new Client(null, null)
            : new Client(http.getRemoteAddr(), http.getHeader("User-Agent"));
    }

    public Client {
        ip = ip == null ? "unknown" : ip;
        userAgent = userAgent == null ? "" : userAgent.substring(0, Math.min(255, userAgent.length()));
    }
}
