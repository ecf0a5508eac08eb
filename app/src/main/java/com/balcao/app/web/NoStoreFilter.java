package com.balcao.app.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * {@code Cache-Control: no-store} on every answer to a signed-in person and every API answer
 * (recovery codes, reset grants, conversations must not stay in a shared or browser cache).
 * Anonymous pages get it too unless they chose their own caching.
 */
final class NoStoreFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        boolean personal = request.getSecurityContext() != null
            && request.getSecurityContext().getUserPrincipal() != null
            || request.getUriInfo().getPath().startsWith("api/");
        if (personal || !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
