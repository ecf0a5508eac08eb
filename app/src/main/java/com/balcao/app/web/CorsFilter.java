package com.balcao.app.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * CORS for the REST API, closed unless origins are configured. A preflight from an allowed
 * origin is answered here; other origins get no CORS headers, so browsers refuse them.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String ORIGIN = "Origin";
    private final Set<String> allowed;

    public CorsFilter(Set<String> allowedOrigins) {
        this.allowed = allowedOrigins;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod()) && allowedOrigin(request) != null
            && request.getHeaderString("Access-Control-Request-Method") != null) {
            request.abortWith(Response.noContent().build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = allowedOrigin(request);
        if (origin == null) {
            return;
        }
        response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
        response.getHeaders().add("Vary", ORIGIN);
        response.getHeaders().putSingle("Access-Control-Allow-Methods",
            "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        response.getHeaders().putSingle("Access-Control-Allow-Headers",
            "Authorization, Content-Type, Idempotency-Key, Last-Event-ID");
        response.getHeaders().putSingle("Access-Control-Max-Age", "600");
    }

    private String allowedOrigin(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        boolean api = request.getUriInfo().getPath().startsWith("api/");
        return api && origin != null && allowed.contains(origin) ? origin : null;
    }
}
