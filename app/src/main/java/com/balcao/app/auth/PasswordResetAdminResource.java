package com.balcao.app.auth;

import com.balcao.app.web.Page;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Admins decide password reset requests and hand over the one-time code. */
@Path("/admin/password-resets")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.ADMIN_NAME)
public final class PasswordResetAdminResource {
    private final PasswordResets resets;
    private final PasswordResetDao dao;

    PasswordResetAdminResource(PasswordResets resets, PasswordResetDao dao) {
        this.resets = resets;
        this.dao = dao;
    }

    @GET
    public PasswordResetViews.AdminListView list(@Context Page page) {
        return new PasswordResetViews.AdminListView(page,
            dao.pending().stream().map(reset -> PasswordResetViews.Row.of(reset, page)).toList(),
            dao.recentDecided(20).stream().map(reset -> PasswordResetViews.Row.of(reset, page))
                .toList());
    }

    @POST
    @Path("{id}/approve")
    public PasswordResetViews.GrantView approve(@Context Page page, @Auth Staff admin,
                                                @PathParam("id") long id) {
        return new PasswordResetViews.GrantView(page, resets.approve(id, admin.id()));
    }

    @POST
    @Path("{id}/reject")
    public Response reject(@Auth Staff admin, @PathParam("id") long id) {
        resets.reject(id, admin.id());
        return Response.seeOther(URI.create("/admin/password-resets")).build();
    }
}
