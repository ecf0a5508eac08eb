package com.balcao.app.appointments;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import io.dropwizard.auth.Auth;
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

/**
 * The staff's appointments page: upcoming bookings to confirm, cancel or reschedule (an agent
 * sees their departments' calendars).
 */
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
    public AppointmentsView list(@Context Page page, @Auth Staff staff,
                                 @QueryParam("status") String status,
                                 @QueryParam("calendar") String calendar,
                                 @QueryParam("day") String day, @QueryParam("page") String at) {
        AppointmentDesk.Filter filter = new AppointmentDesk.Filter(status, calendar, day, at);
        return new AppointmentsView(page, desk.list(staff, filter), filter);
    }

    @POST
    @Path("{id}/confirm")
    public Response confirm(@Context Page page, @Auth Staff staff,
                           @PathParam("id") long id) {
        desk.confirm(staff, id);
        page.flash("appointments_confirmed");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@Context Page page, @Auth Staff staff,
                           @PathParam("id") long id) {
        page.flash(told("appointments_cancelled", desk.cancel(staff, id)));
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/done")
    public Response done(@Context Page page, @Auth Staff staff,
                           @PathParam("id") long id) {
        desk.done(staff, id);
        page.flash("appointments_done");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/reschedule")
    public Response reschedule(@Context Page page, @Auth Staff staff,
                               @PathParam("id") long id, @FormParam("start") String start) {
        page.flash(told("appointments_rescheduled", desk.reschedule(staff, id, start)));
        return Response.seeOther(LIST).build();
    }

    /** The change, and whether the customer was told of it or someone still has to. */
    private static String told(String change, AppointmentDesk.Told told) {
        return switch (told) {
            case YES -> change + "_told";
            case WINDOW_CLOSED -> change + "_not_told";
            case NO_CONVERSATION -> change;
        };
    }
}
