package com.balcao.app.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * While {@link Maintenance} is on, webhook deliveries get 503 with {@code Retry-After}: nothing
 * is acknowledged that could be lost by the restore, and Meta delivers it again later.
 */
public final class MaintenanceFilter implements Filter {
    private static final byte[] BODY = ("{\"code\":\"maintenance\",\"message\":"
        + "\"Restoring a backup; try again shortly\"}").getBytes(StandardCharsets.UTF_8);
    private final Maintenance maintenance;

    public MaintenanceFilter(Maintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        if ("POST".equals(((HttpServletRequest) request).getMethod()) && maintenance.active()) {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            http.setHeader("Retry-After", "30");
            http.setContentType("application/json");
            http.getOutputStream().write(BODY);
            return;
        }
        chain.doFilter(request, response);
    }
}
