package com.balcao.app.departments;

import com.balcao.app.auth.Role;
import com.balcao.app.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Admins manage departments: name, slug, menu keywords, response timeout, and whether the
 * queue is distributed automatically.
 */
@Path("/admin/departments")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.ADMIN_NAME)
public final class DepartmentsResource {
    private static final URI LIST = URI.create("/admin/departments");
    private final DepartmentDao departments;
    private final DepartmentService service;

    DepartmentsResource(DepartmentDao departments, DepartmentService service) {
        this.departments = departments;
        this.service = service;
    }

    /** The form fields as posted. */
    public static final class Fields {
        @FormParam("name") String name;
        @FormParam("slug") String slug;
        @FormParam("menuKeywords") String menuKeywords;
        @FormParam("responseTimeoutMinutes") String timeout;
        /** An unticked checkbox is not posted at all: absent means off. */
        @FormParam("autoAssign") boolean autoAssign;

        DepartmentForm form() {
            return new DepartmentForm(name, slug, menuKeywords, timeout, autoAssign);
        }
    }

    @GET
    public DepartmentViews.ListView list(@Context Page page) {
        return new DepartmentViews.ListView(page, departments.all());
    }

    @GET
    @Path("new")
    public DepartmentViews.FormView newForm(@Context Page page) {
        return new DepartmentViews.FormView(page, null, DepartmentForm.empty(), List.of());
    }

    @POST
    public Response create(@Context Page page, @BeanParam Fields fields) {
        DepartmentForm form = fields.form();
        List<String> problems = service.problems(form, Optional.empty());
        if (!problems.isEmpty()) {
            return Response.status(422)
                .entity(new DepartmentViews.FormView(page, null, form, problems)).build();
        }
        service.create(form);
        return Response.seeOther(LIST).build();
    }

    @GET
    @Path("{id}")
    public DepartmentViews.FormView edit(@Context Page page, @PathParam("id") long id) {
        Department department = departments.find(id).orElseThrow(NotFoundException::new);
        return new DepartmentViews.FormView(page, id, DepartmentForm.of(department), List.of());
    }

    @POST
    @Path("{id}")
    public Response update(@Context Page page, @PathParam("id") long id,
                           @BeanParam Fields fields) {
        departments.find(id).orElseThrow(NotFoundException::new);
        DepartmentForm form = fields.form();
        List<String> problems = service.problems(form, Optional.of(id));
        if (!problems.isEmpty()) {
            return Response.status(422)
                .entity(new DepartmentViews.FormView(page, id, form, problems)).build();
        }
        service.update(id, form);
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/active")
    public Response setActive(@PathParam("id") long id, @FormParam("active") boolean active) {
        departments.find(id).orElseThrow(NotFoundException::new);
        service.setActive(id, active);
        return Response.seeOther(LIST).build();
    }
}
