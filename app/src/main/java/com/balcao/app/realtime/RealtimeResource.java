package com.balcao.app.realtime;

import com.balcao.app.auth.RequestAuthFilter;
import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The live event stream: {@code /events} for the panel (session), {@code /api/v1/events} for
 * integrations (Bearer). Both honour {@code Last-Event-ID}; the {@code lastEventId} query
 * parameter serves a page's first connection, which cannot set headers. A stream ends at the
 * next heartbeat once its session or token no longer lets its person in as they were.
 */
@Path("/")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class RealtimeResource {
    private final EventHub hub;

    RealtimeResource(EventHub hub) {
        this.hub = hub;
    }

    /** Panel stream of the signed-in person's events. */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void panel(@Auth Staff staff, @Context SseEventSink sink, @Context Sse sse,
                      @Context ContainerRequestContext request,
                      @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                      @QueryParam("lastEventId") String fromPage) {
        hub.connect(staff, sink, sse, lastEventId != null ? lastEventId : fromPage,
            stillSignedIn(request));
    }

    @SuppressWarnings("unchecked")
    private static Supplier<Optional<Staff>> stillSignedIn(ContainerRequestContext request) {
        Object check = request.getProperty(RequestAuthFilter.STILL_SIGNED_IN);
        return check == null ? Optional::empty : (Supplier<Optional<Staff>>) check;
    }

    /** Integration stream: each event's data is JSON with its type and the ids involved. */
    @GET
    @Path("api/v1/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void api(@Auth Staff staff, @Context SseEventSink sink, @Context Sse sse,
                    @Context ContainerRequestContext request,
                    @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                    @QueryParam("lastEventId") String fromQuery) {
        panel(staff, sink, sse, request, lastEventId, fromQuery);
    }
}
