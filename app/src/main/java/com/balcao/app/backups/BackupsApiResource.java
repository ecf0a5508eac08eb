package com.balcao.app.backups;

import com.balcao.app.auth.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Admins' backup API: list, run now, verify. */
@Path("/api/v1/backups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public final class BackupsApiResource {
    private final Backups backups;

    BackupsApiResource(Backups backups) {
        this.backups = backups;
    }

    /** The recent runs, newest first: {@code {"items":[…]}}. */
    @GET
    public Map<String, List<BackupJson>> list() {
        return Map.of("items", backups.service().recent().stream().map(BackupJson::of).toList());
    }

    /** Takes a backup now and answers with it once stored (409 while another one runs). */
    @POST
    public BackupJson run() {
        return BackupJson.of(backups.service().run(BackupRun.Trigger.MANUAL, null));
    }

    /** Restores the backup into scratch copies, compares, and answers with its new state. */
    @POST
    @Path("{id}/verify")
    public BackupJson verify(@PathParam("id") String id) {
        return BackupJson.of(backups.service().verify(id));
    }
}
