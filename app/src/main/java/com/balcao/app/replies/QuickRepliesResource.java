package com.balcao.app.replies;

import com.balcao.app.auth.Role;
import com.balcao.app.departments.DepartmentDao;
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

/** Admins manage the quick replies agents insert with {@code /shortcut}. */
@Path("/admin/quick-replies")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.ADMIN_NAME)
public final class QuickRepliesResource {
    private static final URI LIST = URI.create("/admin/quick-replies");
    private final QuickReplyDao replies;
    private final QuickReplyService service;
    private final DepartmentDao departments;

    QuickRepliesResource(QuickReplyDao replies, QuickReplyService service,
                         DepartmentDao departments) {
        this.replies = replies;
        this.service = service;
        this.departments = departments;
    }

    @GET
    public QuickReplyViews.ListView list(@Context Page page) {
        return new QuickReplyViews.ListView(page, replies.all());
    }

    @GET
    @Path("new")
    public QuickReplyViews.FormView newForm(@Context Page page) {
        return new QuickReplyViews.FormView(page, null,
            new QuickReplyService.Form("", "", ""), departments.active(), List.of());
    }

    @POST
    public Response create(@Context Page page, @FormParam("shortcut") String shortcut,
                           @FormParam("body") String body,
                           @FormParam("departmentId") String departmentId) {
        QuickReplyService.Form form = new QuickReplyService.Form(shortcut, body, departmentId);
        List<String> problems = service.problems(form, Optional.empty());
        if (!problems.isEmpty()) {
            return Response.status(422).entity(new QuickReplyViews.FormView(page, null, form,
                departments.active(), problems)).build();
        }
        service.create(form);
        page.flash("reply_saved");
        return Response.seeOther(LIST).build();
    }

    @GET
    @Path("{id}")
    public QuickReplyViews.FormView edit(@Context Page page, @PathParam("id") long id) {
        QuickReply reply = replies.find(id).orElseThrow(NotFoundException::new);
        return new QuickReplyViews.FormView(page, id, new QuickReplyService.Form(reply.shortcut(),
            reply.body(), reply.departmentId() == null ? "" : reply.departmentId().toString()),
            departments.active(), List.of());
    }

    @POST
    @Path("{id}")
    public Response update(@Context Page page, @PathParam("id") long id,
                           @FormParam("shortcut") String shortcut, @FormParam("body") String body,
                           @FormParam("departmentId") String departmentId) {
        replies.find(id).orElseThrow(NotFoundException::new);
        QuickReplyService.Form form = new QuickReplyService.Form(shortcut, body, departmentId);
        List<String> problems = service.problems(form, Optional.of(id));
        if (!problems.isEmpty()) {
            return Response.status(422).entity(new QuickReplyViews.FormView(page, id, form,
                departments.active(), problems)).build();
        }
        service.update(id, form);
        page.flash("reply_saved");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@Context Page page, @PathParam("id") long id) {
        if (replies.delete(id) == 0) {
            throw new NotFoundException();
        }
        page.flash("reply_deleted");
        return Response.seeOther(LIST).build();
    }
}
