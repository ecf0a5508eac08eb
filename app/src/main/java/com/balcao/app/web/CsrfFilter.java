package com.balcao.app.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Refuses (403) any state-changing panel request that does not echo the page's CSRF token, in
 * the {@code _csrf} form field or the {@code X-CSRF-Token} header. The API (Bearer tokens, no
 * cookies) and the signed webhook are outside its reach.
 */
@Priority(Priorities.AUTHENTICATION + 50)
public final class CsrfFilter implements ContainerRequestFilter {
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<String> EXEMPT = List.of("api/", "webhooks/", "simulator/api/");

    private final ErrorResponses errors;

    public CsrfFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || EXEMPT.stream().anyMatch(path::startsWith)) {
            return;
        }
        String expected = errors.pageOf(request).csrf();
        String given = tokenOf((ContainerRequest) request);
        if (expected == null || expected.isEmpty() || given == null
            || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            String message = errors.pageOf(request).messages().get("error_csrf");
            request.abortWith(errors.build(request, 403, "csrf", message));
        }
    }

    private static String tokenOf(ContainerRequest request) {
        String header = request.getHeaderString(HEADER);
        if (header != null) {
            return header;
        }
        MediaType type = request.getMediaType();
        if (type == null || !request.hasEntity()) {
            return null;
        }
        if (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            request.bufferEntity();
            return request.readEntity(Form.class).asMap().getFirst(FIELD);
        }
        if (type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            if (request.getSecurityContext().getUserPrincipal() == null) {
                return null; // only signed-in people upload: nobody else's file is buffered
            }
            request.bufferEntity();
            FormDataBodyPart part = request.readEntity(FormDataMultiPart.class).getField(FIELD);
            return part == null ? null : part.getValue();
        }
        return null;
    }
}
