package com.balcao.app.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Jetty's forwarded-header handling, applied only when the connection comes from a trusted
 * proxy. Jetty's own customizer believes anybody's {@code Forwarded}/{@code X-Forwarded-*}, so
 * a client could pick the address its lockout and rate limits count against.
 */
final class TrustedForwarding implements HttpConfiguration.Customizer {
    private final HttpConfiguration.Customizer forwarded;
    private final TrustedProxies proxies;

    TrustedForwarding(HttpConfiguration.Customizer forwarded, TrustedProxies proxies) {
        this.forwarded = forwarded;
        this.proxies = proxies;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (proxies.trusts(request.getConnectionMetaData().getRemoteSocketAddress())) {
            return forwarded.customize(request, responseHeaders);
        }
        return request;
    }
}
