package com.balcao.app.backups;

import com.balcao.app.auth.Role;
import com.balcao.app.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/** The admins' backups page: the runs, run now, verify, restore (typing the tenant's name). */
@Path("/admin/backups")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.ADMIN_NAME)
public final class BackupsResource {
    private static final URI LIST = URI.create("/admin/backups");
    private final Backups backups;
    private final BackupTasks tasks;
    private final String tenantName;
    private final ZoneId zone;

    BackupsResource(Backups backups, BackupTasks tasks, String tenantName, ZoneId zone) {
        this.backups = backups;
        this.tasks = tasks;
        this.tenantName = tenantName;
        this.zone = zone;
    }

    @GET
    public BackupsView page(@Context Page page) {
        return view(page, List.of());
    }

    /** The banner every admin page loads: empty while backups are fine. */
    @GET
    @Path("banner")
    public BackupBannerView banner(@Context Page page) {
        return new BackupBannerView(page, backups.status());
    }

    @POST
    @Path("run")
    public Response run(@Context Page page) {
        BackupService service = backups.service();
        tasks.submit("backup", () -> service.run(BackupRun.Trigger.MANUAL, null));
        page.flash("backup_started");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/verify")
    public Response verify(@Context Page page, @PathParam("id") String id) {
        BackupService service = backups.service();
        BackupRun run = service.find(id);
        tasks.submit("verify", () -> service.verify(run.backupId()));
        page.flash("backup_verify_started");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/restore")
    public Response restore(@Context Page page, @PathParam("id") String id,
                            @FormParam("confirm") String confirm) {
        BackupService service = backups.service();
        BackupRun run = service.find(id);
        if (confirm == null || !confirm.strip().equals(tenantName)) {
            return Response.status(422).entity(view(page,
                List.of(page.text("backup_restore_confirm_wrong", tenantName)))).build();
        }
        tasks.submit("restore", () -> service.restore(run.backupId()));
        page.flash("backup_restore_started");
        return Response.seeOther(LIST).build();
    }

    private BackupsView view(Page page, List<String> problems) {
        List<BackupRun> runs = backups.configured() ? backups.service().recent() : List.of();
        return new BackupsView(page, backups.configured(), backups.status(), runs, problems,
            zone);
    }
}
