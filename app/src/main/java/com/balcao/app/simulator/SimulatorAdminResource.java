package com.balcao.app.simulator;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Tokens;
import com.balcao.app.web.AppException;
import com.balcao.app.web.CsrfFilter;
import com.balcao.app.web.Page;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Failure injection and counters of the fake Graph API, for tests and demos (admins only). */
@Path("/simulator/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public final class SimulatorAdminResource {
    private final FakeGraph graph;
    private final GraphFailures failures;

    SimulatorAdminResource(FakeGraph graph, GraphFailures failures) {
        this.graph = graph;
        this.failures = failures;
    }

    /**
     * What to fail next: {@code code} (a Graph error code, or null for a bare HTTP error),
     * {@code httpStatus}, {@code count}, {@code async} (200 then a failed status webhook),
     * {@code to} (only this recipient).
     */
    public record FailureRequest(Integer code, Integer httpStatus, Integer count, boolean async,
                                 String to) {
    }

    @POST
    @Path("failures")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonNode inject(@Context Page page, @HeaderParam(CsrfFilter.HEADER) String csrf,
                           FailureRequest request) {
        requireCsrf(page, csrf);
        if (request == null || request.code() == null && request.httpStatus() == null
            || request.async() && request.code() == null) {
            throw new AppException(AppException.UNPROCESSABLE, "invalid_failure",
                "simulator_invalid_failure");
        }
        int status = request.httpStatus() != null ? request.httpStatus() : 400;
        int count = request.count() == null ? 1 : Math.max(1, Math.min(10_000, request.count()));
        failures.add(new GraphFailures.Injection(request.code(), status, request.async(),
            request.to()), count);
        return graph.stats();
    }

    @DELETE
    @Path("failures")
    public Response clear(@Context Page page, @HeaderParam(CsrfFilter.HEADER) String csrf) {
        requireCsrf(page, csrf);
        failures.clear();
        return Response.noContent().build();
    }

    /** Messages accepted, refused for throughput (130429) and failed on purpose. */
    @GET
    @Path("stats")
    public JsonNode stats() {
        return graph.stats();
    }

    /** These paths skip the CSRF filter (JSON errors); the check is done here instead. */
    static void requireCsrf(Page page, String csrf) {
        if (!Tokens.constantTimeEquals(page.csrf(), csrf)) {
            throw new AppException(Response.Status.FORBIDDEN, "csrf", "error_csrf");
        }
    }
}
