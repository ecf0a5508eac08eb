package com.balcao.app.web;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unforeseen: logged with an id the person can quote, never a stack trace to them. */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);
    private final ErrorResponses errors;
    @Inject private Provider<ContainerRequestContext> requests;

    public UnexpectedErrorMapper(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public Response toResponse(Throwable exception) {
        ContainerRequestContext request = requests.get();
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
        LOG.error("Unexpected error {} on {} {}", id, request.getMethod(),
            request.getUriInfo().getPath(), exception);
        String message = errors.pageOf(request).messages().get("error_server", id);
        return errors.build(request, 500, "server_error", message);
    }
}
