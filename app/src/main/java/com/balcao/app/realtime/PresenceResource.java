package com.balcao.app.realtime;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The panel tells the server the person is active, or chose to be away. */
@Path("/presence")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class PresenceResource {
    private final Presence presence;

    PresenceResource(Presence presence) {
        this.presence = presence;
    }

    /** Sent (throttled) by the panel on typing and clicking. */
    @POST
    @Path("activity")
    public Response activity(@Auth Staff staff) {
        presence.active(staff.id());
        return Response.noContent().build();
    }

    /** {@code away=true} marks the person away until they say otherwise or act. */
    @POST
    @Path("away")
    public Response away(@Auth Staff staff, @FormParam("away") boolean away) {
        presence.chooseAway(staff.id(), away);
        return Response.noContent().build();
    }
}
