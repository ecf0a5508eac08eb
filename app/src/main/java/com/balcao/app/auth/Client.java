package com.balcao.app.auth;

/** Where a request came from, as recorded with login attempts. */
public record Client(String ip, String userAgent) {
    public Client {
        ip = ip == null ? "unknown" : ip;
        userAgent = userAgent == null ? "" : userAgent.substring(0, Math.min(255, userAgent.length()));
    }
}
