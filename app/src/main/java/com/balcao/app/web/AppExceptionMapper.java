package com.balcao.app.web;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Domain errors: their status, their code and their message in the person's language. */
public final class AppExceptionMapper implements ExceptionMapper<AppException> {
    private final ErrorResponses errors;
    @Inject private Provider<ContainerRequestContext> requests;

    public AppExceptionMapper(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public Response toResponse(AppException exception) {
        ContainerRequestContext request = requests.get();
        String message = exception.message(errors.pageOf(request).messages());
        Response response = errors.build(request, exception.status().getStatusCode(),
            exception.code(), message);
        OptionalLong retryAfter = exception.retryAfterSeconds();
        if (retryAfter.isEmpty()) {
            return response;
        }
        return Response.fromResponse(response)
            .header(HttpHeaders.RETRY_AFTER, retryAfter.getAsLong()).build();
    }
}
