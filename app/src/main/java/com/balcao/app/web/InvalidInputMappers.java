package com.balcao.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/** Input that fails validation (422) or is not JSON at all (400). */
public final class InvalidInputMappers {
    private InvalidInputMappers() {
    }

    /** Bean-validation failures of request parameters and bodies. */
    public static final class Violations implements ExceptionMapper<JerseyViolationException> {
        private final ErrorResponses errors;
        @Inject private Provider<ContainerRequestContext> requests;

        public Violations(ErrorResponses errors) {
            this.errors = errors;
        }

        @Override
        public Response toResponse(JerseyViolationException exception) {
        ContainerRequestContext request = requests.get();
            String details = exception.getConstraintViolations().stream()
                .map(InvalidInputMappers::describe).sorted().collect(Collectors.joining("; "));
            String message = errors.pageOf(request).messages().get("error_invalid_input", details);
            return errors.build(request, 422, "invalid_input", message);
        }
    }

    /** A body that is not the JSON the endpoint reads. */
    public static final class BadJson implements ExceptionMapper<JsonProcessingException> {
        private final ErrorResponses errors;
        @Inject private Provider<ContainerRequestContext> requests;

        public BadJson(ErrorResponses errors) {
            this.errors = errors;
        }

        @Override
        public Response toResponse(JsonProcessingException exception) {
        ContainerRequestContext request = requests.get();
            String message = errors.pageOf(request).messages().get("error_invalid_json");
            return errors.build(request, 400, "invalid_json", message);
        }
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        return field + " " + violation.getMessage();
    }
}
