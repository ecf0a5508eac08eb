package com.balcao.app.whatsapp;

import com.balcao.app.auth.Role;
import com.balcao.app.departments.Department;
import com.balcao.app.departments.DepartmentDao;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admins manage the WhatsApp numbers: ids, label, default department, rate, and the
 * credentials (write-only: only their last four characters are ever shown again).
 */
@Path("/admin/whatsapp/numbers")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.ADMIN_NAME)
public final class NumbersResource {
    private static final URI LIST = URI.create("/admin/whatsapp/numbers");
    private final NumberDao numbers;
    private final NumberSettings settings;
    private final NumberRegistry registry;
    private final ConnectionCheck check;
    private final DepartmentDao departments;
    private final GraphHosts hosts;

    NumbersResource(NumberDao numbers, NumberSettings settings, NumberRegistry registry,
                    ConnectionCheck check, DepartmentDao departments, GraphHosts hosts) {
        this.numbers = numbers;
        this.hosts = hosts;
        this.settings = settings;
        this.registry = registry;
        this.check = check;
        this.departments = departments;
    }

    /** The form fields as posted. */
    public static final class Fields {
        @FormParam("phoneNumberId") String phoneNumberId;
        @FormParam("displayPhoneNumber") String displayPhoneNumber;
        @FormParam("label") String label;
        @FormParam("wabaId") String wabaId;
        @FormParam("departmentId") String departmentId;
        @FormParam("mps") String mps;
        @FormParam("graphBaseUrl") String graphBaseUrl;
        @FormParam("accessToken") String accessToken;
        @FormParam("appSecret") String appSecret;
        @FormParam("verifyToken") String verifyToken;

        NumberForm form() {
            return new NumberForm(phoneNumberId, displayPhoneNumber, label, wabaId, departmentId,
                mps, graphBaseUrl, accessToken, appSecret, verifyToken);
        }
    }

    @GET
    public NumberViews.ListView list(@Context Page page) {
        return new NumberViews.ListView(page, NumberViews.rows(page, numbers.all(),
            departments.all()));
    }

    @GET
    @Path("new")
    public NumberViews.FormView newForm(@Context Page page) {
        return new NumberViews.FormView(page, null, NumberForm.empty(), departments.all(),
            List.of(), null);
    }

    @POST
    public Response create(@Context Page page, @BeanParam Fields fields) {
        return save(page, null, fields.form());
    }

    @GET
    @Path("{id}")
    public NumberViews.FormView edit(@Context Page page, @PathParam("id") long id) {
        NumberRow row = numbers.find(id).orElseThrow(NotFoundException::new);
        return new NumberViews.FormView(page, id, NumberForm.of(row), departments.all(),
            List.of(), stored(page, row));
    }

    @POST
    @Path("{id}")
    public Response update(@Context Page page, @PathParam("id") long id,
                           @BeanParam Fields fields) {
        numbers.find(id).orElseThrow(NotFoundException::new);
        return save(page, id, fields.form());
    }

    /** Calls the Graph API with the number's token and says how it went. */
    @POST
    @Path("{id}/test")
    public Response test(@Context Page page, @PathParam("id") long id) {
        numbers.find(id).orElseThrow(NotFoundException::new);
        registry.invalidate();
        BusinessNumber number = registry.byId(id).orElseThrow(NotFoundException::new);
        ConnectionCheck.Outcome outcome = check.check(number);
        page.flash(page.text(outcome.messageKey(), outcome.args()));
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/active")
    public Response setActive(@PathParam("id") long id, @FormParam("active") boolean active) {
        numbers.find(id).orElseThrow(NotFoundException::new);
        settings.setActive(id, active);
        return Response.seeOther(LIST).build();
    }

    private Response save(Page page, Long id, NumberForm form) {
        List<Department> all = departments.all();
        Set<Long> ids = all.stream().map(Department::id).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>(form.problems(ids,
            settings.canStoreSecrets()));
        numbers.findByPhoneNumberId(form.setup().phoneNumberId())
            .filter(other -> id == null || other.id() != id)
            .ifPresent(other -> problems.add("wa_number_id_taken"));
        if (!hosts.allows(form.setup().graphBaseUrl())) {
            problems.add("wa_number_graph_host");
        }
        if (!problems.isEmpty()) {
            NumberViews.Row stored = id == null ? null
                : stored(page, numbers.find(id).orElseThrow(NotFoundException::new));
            return Response.status(422).entity(new NumberViews.FormView(page, id, form, all,
                problems, stored)).build();
        }
        settings.save(id, form.setup());
        page.flash(page.text("wa_number_saved"));
        return Response.seeOther(LIST).build();
    }

    private NumberViews.Row stored(Page page, NumberRow row) {
        return NumberViews.rows(page, List.of(row), departments.all()).get(0);
    }
}
