package com.balcao.app.whatsapp;

import java.net.URI;

/**
 * Where a number's access token may be sent: Meta's Graph host only, or anywhere while the
 * simulator is on (the demo and tests point numbers at it). Otherwise an admin could set a
 * number's base URL to their own server and read the write-only token back through "Test
 * connection", or make the app call internal addresses.
 */
final class GraphHosts {
    static final String META = "graph.facebook.com";
    private final boolean anyHost;

    GraphHosts(boolean anyHost) {
        this.anyHost = anyHost;
    }

    /** Whether a number's own base URL is allowed; blank means the configured default. */
    boolean allows(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank() || anyHost) {
            return true;
        }
        try {
            URI uri = new URI(baseUrl.trim());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getUserInfo() == null
                && META.equalsIgnoreCase(uri.getHost())
                && (uri.getPort() == -1 || uri.getPort() == 443);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
