package com.balcao.app.appointments;

import com.balcao.app.auth.Role;
import com.balcao.app.web.AppException;
import com.balcao.app.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import java.util.List;

/** Admins set up calendars: whose, slot length, weekly hours, days off or with other hours. */
@Path("/admin/appointments/calendars")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.ADMIN_NAME)
public final class CalendarsAdminResource {
    private static final URI LIST = URI.create("/admin/appointments/calendars");
    private final CalendarEditor editor;
    private final CalendarPages pages;

    CalendarsAdminResource(CalendarEditor editor, CalendarPages pages) {
        this.editor = editor;
        this.pages = pages;
    }

    /** The calendar form as posted: weekly hours one text per weekday, Monday first. */
    public static final class Form {
        @FormParam("name")
        String name;
        @FormParam("department")
        String department;
        @FormParam("professional")
        String professional;
        @FormParam("slotMinutes")
        String slotMinutes;
        @FormParam("active")
        String active;
        @FormParam("hours1")
        String hours1;
        @FormParam("hours2")
        String hours2;
        @FormParam("hours3")
        String hours3;
        @FormParam("hours4")
        String hours4;
        @FormParam("hours5")
        String hours5;
        @FormParam("hours6")
        String hours6;
        @FormParam("hours7")
        String hours7;

        CalendarEditor.Typed typed() {
            return new CalendarEditor.Typed(name, department, professional, slotMinutes,
                active != null, java.util.Arrays.asList(hours1, hours2, hours3, hours4, hours5,
                hours6, hours7));
        }
    }

    @GET
    public CalendarsView list(@Context Page page) {
        return pages.view(page, null, null);
    }

    @POST
    public Response create(@Context Page page, @BeanParam Form form) {
        return saved(page, form, null);
    }

    @POST
    @Path("{id}")
    public Response update(@Context Page page, @PathParam("id") long id, @BeanParam Form form) {
        editor.find(id);
        return saved(page, form, id);
    }

    @POST
    @Path("{id}/exceptions")
    public Response exception(@Context Page page, @PathParam("id") long id,
                              @FormParam("day") String day, @FormParam("hours") String hours) {
        editor.putException(id, day, hours);
        page.flash("calendars_exception_saved");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/exceptions/{day}/delete")
    public Response removeException(@Context Page page, @PathParam("id") long id,
                                    @PathParam("day") String day) {
        editor.removeException(id, day);
        page.flash("calendars_exception_removed");
        return Response.seeOther(LIST).build();
    }

    private Response saved(Page page, Form form, Long id) {
        try {
            editor.save(id, form.typed());
        } catch (AppException e) {
            return Response.status(e.status()).entity(pages.view(page,
                List.of(e.message(page.messages())), id == null ? form : null)).build();
        }
        page.flash("calendars_saved");
        return Response.seeOther(LIST).build();
    }
}
