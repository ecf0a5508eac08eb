package com.balcao.app.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adjusts the Jetty server Dropwizard built, just before it starts: forwarding headers only
 * from trusted proxies, no inflating of compressed request bodies (a few megabytes of gzip
 * can inflate to gigabytes before any check could run), and a request log without secrets.
 */
final class ServerHardening implements LifeCycle.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ServerHardening.class);
    private final TrustedProxies proxies;

    ServerHardening(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public void lifeCycleStarting(LifeCycle event) {
        if (!(event instanceof Server server)) {
            return;
        }
        for (Connector connector : server.getConnectors()) {
            httpConfigurations(connector).forEach(this::trustOnlyProxies);
        }
        for (GzipHandler gzip : server.getDescendants(GzipHandler.class)) {
            gzip.setInflateBufferSize(0);
        }
        if (server.getRequestLog() != null
            && !(server.getRequestLog() instanceof RedactingRequestLog)) {
            server.setRequestLog(new RedactingRequestLog(server.getRequestLog()));
        }
    }

    /** Dropwizard wraps the HTTP connection factory in a metrics one; look inside too. */
    private static Set<HttpConfiguration> httpConfigurations(Connector connector) {
        Set<HttpConfiguration> found = new LinkedHashSet<>();
        for (ConnectionFactory factory : connector.getConnectionFactories()) {
            if (factory instanceof HttpConfiguration.ConnectionFactory http) {
                found.add(http.getHttpConfiguration());
            }
            if (factory instanceof ContainerLifeCycle container) {
                container.getContainedBeans(HttpConfiguration.ConnectionFactory.class)
                    .forEach(http -> found.add(http.getHttpConfiguration()));
            }
        }
        return found;
    }

    private void trustOnlyProxies(HttpConfiguration configuration) {
        List<HttpConfiguration.Customizer> customizers = new ArrayList<>();
        boolean forwarded = false;
        for (HttpConfiguration.Customizer customizer : configuration.getCustomizers()) {
            if (customizer instanceof ForwardedRequestCustomizer) {
                customizers.add(new TrustedForwarding(customizer, proxies));
                forwarded = true;
            } else {
                customizers.add(customizer);
            }
        }
        configuration.setCustomizers(customizers);
        if (forwarded && proxies.isEmpty()) {
            LOG.warn("useForwardedHeaders is on but TRUSTED_PROXIES is empty: forwarding headers"
                + " are ignored and every client is known by its own address");
        }
    }
}
