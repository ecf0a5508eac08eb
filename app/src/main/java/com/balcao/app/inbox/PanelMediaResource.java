package com.balcao.app.inbox;

import com.balcao.app.conversations.MediaService;
import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Files of conversations for the panel (session cookie), with the same department checks. */
@Path("/conversations/{id}/messages/{messageId}/media")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class PanelMediaResource {
    private final MediaService media;

    PanelMediaResource(MediaService media) {
        this.media = media;
    }

    /** A message's file, shown inline when it is a safe image, audio or video. */
    @GET
    public Response download(@Auth Staff staff, @PathParam("id") String id,
                             @PathParam("messageId") String messageId) {
        return media.download(staff, id, messageId);
    }
}
