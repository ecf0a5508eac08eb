package com.balcao.app.realtime;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import com.balcao.app.web.AppException;
import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;

/** The panel tells the server the person is active, or which state they chose. */
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

    /** {@code away=true} marks the person away until they say otherwise. */
    @POST
    @Path("away")
    public Response away(@Auth Staff staff, @FormParam("away") boolean away) {
        presence.choose(staff.id(), away ? PresenceState.AWAY : PresenceState.ONLINE);
        return Response.noContent().build();
    }

    /** The top bar's status picker, showing what the person chose. */
    @GET
    @Path("status")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public StatusView status(@Auth Staff staff, @Context Page page) {
        return new StatusView(page, presence.chosenBy(staff.id()));
    }

    /** Online, away or busy, as the person picks it in the top bar. */
    @POST
    @Path("status")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public StatusView choose(@Auth Staff staff, @Context Page page,
                             @FormParam("state") String state) {
        PresenceState chosen = Arrays.stream(PresenceState.values())
            .filter(value -> value.name().equals(state) && PresenceState.CHOOSABLE.contains(value))
            .findFirst().orElseThrow(() -> new AppException(AppException.UNPROCESSABLE,
                "invalid_state", "presence_state_invalid"));
        presence.choose(staff.id(), chosen);
        return new StatusView(page, chosen);
    }

    /** The picker: each state one may choose, the chosen one selected. */
    public static final class StatusView extends PageView {
        private final List<Option> options;

        record Option(String value, String label, boolean selected) {
        }

        StatusView(Page page, PresenceState chosen) {
            super("status.mustache", page, "presence_status", "none");
            this.options = PresenceState.CHOOSABLE.stream().map(state -> new Option(state.name(),
                page.text("presence_" + state.name().toLowerCase()), state == chosen)).toList();
        }

        public List<Option> getOptions() {
            return options;
        }
    }
}
