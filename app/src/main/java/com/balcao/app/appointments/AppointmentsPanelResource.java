package com.balcao.app.appointments;

import com.balcao.app.auth.Role;
import com.balcao.app.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The staff's appointments page: upcoming bookings to confirm, cancel or reschedule. */
@Path("/appointments")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class AppointmentsPanelResource {
    private static final URI LIST = URI.create("/appointments");
    private final AppointmentDesk desk;

    AppointmentsPanelResource(AppointmentDesk desk) {
        this.desk = desk;
    }

    @GET
    public AppointmentsView list(@Context Page page, @QueryParam("status") String status,
                                 @QueryParam("calendar") String calendar,
                                 @QueryParam("day") String day, @QueryParam("page") String at) {
        AppointmentDesk.Filter filter = new AppointmentDesk.Filter(status, calendar, day, at);
        return new AppointmentsView(page, desk.list(filter), filter);
    }

    @POST
    @Path("{id}/confirm")
    public Response confirm(@Context Page page, @PathParam("id") long id) {
        desk.confirm(id);
        page.flash("appointments_confirmed");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@Context Page page, @PathParam("id") long id) {
        desk.cancel(id);
        page.flash("appointments_cancelled");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/done")
    public Response done(@Context Page page, @PathParam("id") long id) {
        desk.done(id);
        page.flash("appointments_done");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/reschedule")
    public Response reschedule(@Context Page page, @PathParam("id") long id,
                               @FormParam("start") String start) {
        desk.reschedule(id, start);
        page.flash("appointments_rescheduled");
        return Response.seeOther(LIST).build();
    }
}
