package com.balcao.app.users;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import com.balcao.app.departments.DepartmentDao;
import com.balcao.app.web.Page;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import java.util.Optional;

/** Admins manage staff: list, create, edit, switch on/off, force a password reset. */
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.ADMIN_NAME)
public final class UsersResource {
    private static final int PAGE_SIZE = 25;
    private static final URI LIST = URI.create("/admin/users");
    private final UserService service;
    private final UserDao users;
    private final DepartmentDao departments;

    UsersResource(UserService service, UserDao users, DepartmentDao departments) {
        this.service = service;
        this.users = users;
        this.departments = departments;
    }

    /** The form fields as posted. */
    public static final class Fields {
        @FormParam("name") String name;
        @FormParam("email") String email;
        @FormParam("role") String role;
        @FormParam("maxConcurrent") String maxConcurrent;
        @FormParam("departmentIds") List<Long> departmentIds;
        @FormParam("password") String password;

        UserForm form() {
            return new UserForm(name, email, role, maxConcurrent, departmentIds, password);
        }
    }

    @GET
    public UserViews.ListView list(@Context Page page,
                                   @QueryParam("page") @DefaultValue("1") int number) {
        UserService.Listing listing = service.list(number, PAGE_SIZE);
        return new UserViews.ListView(page, UserViews.rows(page, listing), Math.max(1, number),
            listing.hasNext());
    }

    @GET
    @Path("new")
    public UserViews.FormView newForm(@Context Page page) {
        return new UserViews.FormView(page, null, true, UserForm.empty(), departments.all(),
            List.of());
    }

    @POST
    public Response create(@Context Page page, @BeanParam Fields fields) {
        UserForm form = fields.form();
        List<String> problems = service.problems(form, Optional.empty());
        if (!problems.isEmpty()) {
            return Response.status(422).entity(new UserViews.FormView(page, null, true, form,
                departments.all(), problems)).build();
        }
        NewAccount.Created created = service.create(form);
        if (created.generatedPassword().isEmpty()) {
            return Response.seeOther(LIST).build();
        }
        return Response.ok(new UserViews.SecretView(page, form.cleanName(), form.cleanEmail(),
            created.generatedPassword().get(), "", false)).build();
    }

    @GET
    @Path("{id}")
    public UserViews.FormView edit(@Context Page page, @PathParam("id") long id) {
        User user = service.find(id);
        return new UserViews.FormView(page, id, user.active(),
            UserForm.of(user, List.copyOf(users.departmentIds(id))), departments.all(), List.of());
    }

    @POST
    @Path("{id}")
    public Response update(@Context Page page, @PathParam("id") long id,
                           @BeanParam Fields fields) {
        User user = service.find(id);
        UserForm form = fields.form();
        List<String> problems = service.problems(form, Optional.of(id));
        if (!problems.isEmpty()) {
            return Response.status(422).entity(new UserViews.FormView(page, id, user.active(),
                form, departments.all(), problems)).build();
        }
        service.update(id, form);
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/active")
    public Response setActive(@Auth Staff admin, @PathParam("id") long id,
                              @FormParam("active") boolean active) {
        service.setActive(id, active, admin.id());
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/force-reset")
    public UserViews.SecretView forceReset(@Context Page page, @Auth Staff admin,
                                           @PathParam("id") long id) {
        return UserViews.SecretView.of(page, service.forceReset(id, admin.id()));
    }
}
