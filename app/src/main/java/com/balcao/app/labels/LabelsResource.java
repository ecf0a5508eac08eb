package com.balcao.app.labels;

import com.balcao.app.auth.Role;
import com.balcao.app.web.Page;
import jakarta.annotation.security.RolesAllowed;
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

/** Admins manage conversation labels: name and colour. */
@Path("/admin/labels")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.ADMIN_NAME)
public final class LabelsResource {
    private static final URI LIST = URI.create("/admin/labels");
    private static final String DEFAULT_COLOR = "#0b7a5c";
    private final LabelDao labels;
    private final LabelService service;

    LabelsResource(LabelDao labels, LabelService service) {
        this.labels = labels;
        this.service = service;
    }

    @GET
    public LabelsView list(@Context Page page) {
        return new LabelsView(page, labels.all(), "", DEFAULT_COLOR, List.of());
    }

    @POST
    public Response create(@Context Page page, @FormParam("name") String name,
                           @FormParam("color") String color) {
        List<String> problems = service.problems(name, color, Optional.empty());
        if (!problems.isEmpty()) {
            return Response.status(422).entity(new LabelsView(page, labels.all(), name,
                color == null ? DEFAULT_COLOR : color, problems)).build();
        }
        service.create(name, color);
        page.flash("label_saved");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}")
    public Response update(@Context Page page, @PathParam("id") long id,
                           @FormParam("name") String name, @FormParam("color") String color) {
        labels.find(id).orElseThrow(NotFoundException::new);
        List<String> problems = service.problems(name, color, Optional.of(id));
        if (!problems.isEmpty()) {
            return Response.status(422).entity(new LabelsView(page, labels.all(), name,
                DEFAULT_COLOR, problems)).build();
        }
        service.update(id, name, color);
        page.flash("label_saved");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@Context Page page, @PathParam("id") long id) {
        if (labels.delete(id) == 0) {
            throw new NotFoundException();
        }
        page.flash("label_deleted");
        return Response.seeOther(LIST).build();
    }
}
