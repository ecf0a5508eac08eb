package com.balcao.app.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/**
 * Maps JAX-RS errors to friendly pages or JSON. A request that needs a sign-in and has none is
 * sent to the login page (panel) or answered 401 (API), never shown a bare 403.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Map<Integer, String> CODES = Map.ofEntries(
        Map.entry(400, "bad_request"), Map.entry(401, "unauthorized"),
        Map.entry(403, "forbidden"), Map.entry(404, "not_found"),
        Map.entry(405, "method_not_allowed"), Map.entry(406, "not_acceptable"),
        Map.entry(409, "conflict"), Map.entry(413, "payload_too_large"),
        Map.entry(415, "unsupported_media_type"), Map.entry(422, "unprocessable"),
        Map.entry(429, "too_many_requests"), Map.entry(503, "unavailable"));

    private final ErrorResponses errors;
    @Inject private Provider<ContainerRequestContext> requests;

    public WebApplicationExceptionMapper(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public Response toResponse(WebApplicationException exception) {
        ContainerRequestContext request = requests.get();
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        boolean anonymous = request.getSecurityContext().getUserPrincipal() == null;
        if (anonymous && (status == 401 || status == 403)) {
            return unauthenticated(request);
        }
        String code = CODES.getOrDefault(status, status >= 500 ? "server_error" : "error");
        String key = "error_" + code;
        Messages messages = errors.pageOf(request).messages();
        String message = messages.all().containsKey(key) ? messages.get(key)
            : messages.get("error_generic");
        Response response = errors.build(request, status, code, message);
        return copyHeaders(original, response);
    }

    private Response unauthenticated(ContainerRequestContext request) {
        if (ErrorResponses.wantsJson(request)) {
            Messages messages = errors.pageOf(request).messages();
            return Response.fromResponse(errors.build(request, 401, "unauthorized",
                    messages.get("error_unauthorized")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        String next = "/" + request.getUriInfo().getPath();
        return Response.seeOther(UriBuilder.fromPath("/login").queryParam("next", next).build())
            .build();
    }

    private static Response copyHeaders(Response original, Response response) {
        Response.ResponseBuilder builder = Response.fromResponse(response);
        for (String name : new String[] {HttpHeaders.RETRY_AFTER, HttpHeaders.ALLOW}) {
            Object value = original.getHeaders().getFirst(name);
            if (value != null) {
                builder.header(name, value);
            }
        }
        return builder.build();
    }
}
