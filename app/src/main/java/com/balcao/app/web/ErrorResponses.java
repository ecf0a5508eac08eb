package com.balcao.app.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Builds an error response in the form the caller reads: JSON {@code {"code","message"}} for
 * the API, the webhook and clients that ask for JSON; the HTML error page for the panel.
 */
public final class ErrorResponses {
    private static final List<String> JSON_PATHS = List.of("api/", "webhooks/", "simulator/api/");
    private final Pages pages;

    public ErrorResponses(Pages pages) {
        this.pages = pages;
    }

    static boolean wantsJson(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (JSON_PATHS.stream().anyMatch(path::startsWith)) {
            return true;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("application/json") && !accept.contains("html");
    }

    Page pageOf(ContainerRequestContext request) {
        Object page = request.getProperty(Page.PROPERTY);
        if (page instanceof Page p) {
            return p;
        }
        return pages.anonymous("");
    }

    Response build(ContainerRequestContext request, int status, String code, String message) {
        if (wantsJson(request)) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(code, message)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
            .entity(new ErrorView(pageOf(request), status, message)).build();
    }
}
