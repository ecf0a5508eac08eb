package com.balcao.app.whatsapp;

import com.balcao.app.auth.Role;
import com.balcao.app.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Admins list, sync, preview and submit message templates. */
@Path("/admin/whatsapp/templates")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.ADMIN_NAME)
public final class TemplatesResource {
    private static final URI LIST = URI.create("/admin/whatsapp/templates");
    private final Templates templates;
    private final NumberRegistry numbers;

    TemplatesResource(Templates templates, NumberRegistry numbers) {
        this.templates = templates;
        this.numbers = numbers;
    }

    /** The form fields as posted; {@code action} is "preview" or "submit". */
    public static final class Fields {
        @FormParam("number") String number;
        @FormParam("name") String name;
        @FormParam("language") String language;
        @FormParam("category") String category;
        @FormParam("header") String header;
        @FormParam("body") String body;
        @FormParam("footer") String footer;
        @FormParam("examples") String examples;
        @FormParam("buttons") String buttons;
        @FormParam("action") String action;

        TemplateForm form() {
            return new TemplateForm(number, name, language, category, header, body, footer,
                examples, buttons);
        }
    }

    @GET
    public TemplateViews.ListView list(@Context Page page) {
        return new TemplateViews.ListView(page, templates.all());
    }

    /** Reads every template of each WABA from the Graph API. */
    @POST
    @Path("sync")
    public Response sync(@Context Page page) {
        Set<String> done = new HashSet<>();
        int count = 0;
        try {
            for (BusinessNumber number : numbers.all()) {
                if (number.active() && number.wabaId() != null && done.add(number.wabaId())) {
                    count += templates.sync(number);
                }
            }
            page.flash(page.text("wa_templates_synced", count));
        } catch (IOException e) {
            page.flash(page.text("wa_templates_sync_failed", e.getMessage()));
        }
        return Response.seeOther(LIST).build();
    }

    @GET
    @Path("new")
    public TemplateViews.FormView newForm(@Context Page page) {
        return new TemplateViews.FormView(page, TemplateForm.empty(), numbers.all(), List.of(),
            null);
    }

    /** Shows the preview, or submits the template to Meta for review. */
    @POST
    public Response create(@Context Page page, @BeanParam Fields fields) {
        TemplateForm form = fields.form();
        List<String> problems = new ArrayList<>(form.problems());
        Optional<BusinessNumber> number = numbers.byPhoneNumberId(form.number())
            .filter(n -> n.wabaId() != null);
        if (number.isEmpty()) {
            problems.add("wa_template_number_invalid");
        }
        if (!"submit".equals(fields.action) || !problems.isEmpty()) {
            int status = problems.isEmpty() ? 200 : 422;
            return Response.status(status).entity(new TemplateViews.FormView(page, form,
                numbers.all(), problems, form.preview())).build();
        }
        try {
            GraphResponse response = templates.create(number.get(), form.graphBody());
            if (!response.ok()) {
                return Response.status(422).entity(new TemplateViews.FormView(page, form,
                    numbers.all(), List.of("!" + response.error().title()), form.preview()))
                    .build();
            }
        } catch (IOException e) {
            return Response.status(502).entity(new TemplateViews.FormView(page, form,
                numbers.all(), List.of("!" + e.getMessage()), form.preview())).build();
        }
        page.flash(page.text("wa_template_submitted", form.name()));
        return Response.seeOther(LIST).build();
    }
}
