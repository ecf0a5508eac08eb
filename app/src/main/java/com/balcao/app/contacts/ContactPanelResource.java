package com.balcao.app.contacts;

import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import com.balcao.app.web.Page;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The inbox's third column: an htmx fragment about the conversation's contact. Every answer,
 * including a 422 with the problems and what was typed, is the fragment to swap in.
 */
@Path("/contacts/panel/{id}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class ContactPanelResource {
    private final ContactPanelService service;

    ContactPanelResource(ContactPanelService service) {
        this.service = service;
    }

    /** The contact, the conversation's labels and the contact's past conversations. */
    @GET
    public ContactPanelView show(@Context Page page, @Auth Staff staff,
                                 @PathParam("id") String id) {
        ConversationRow conversation = service.find(staff, id);
        return ContactPanelView.of(page, service.panel(staff, conversation));
    }

    /** Saves name, e-mail and custom fields; the name then stays as staff wrote it. */
    @POST
    public Response save(@Context Page page, @Auth Staff staff, @PathParam("id") String id,
                         @FormParam("name") String name, @FormParam("email") String email,
                         @FormParam("field_key") List<String> keys,
                         @FormParam("field_value") List<String> values) {
        ConversationRow conversation = service.find(staff, id);
        ContactForm form = ContactForm.of(name, email, keys, values);
        List<String> problems = service.save(conversation, form, staff.id());
        ContactPanel panel = service.panel(staff, conversation);
        return problems.isEmpty() ? fragment(200, ContactPanelView.saved(page, panel))
            : fragment(422, ContactPanelView.refused(page, panel, form, problems));
    }

    /** Puts a label on ({@code on=true}) or takes it off ({@code on=false}); idempotent. */
    @POST
    @Path("labels")
    public Response label(@Context Page page, @Auth Staff staff, @PathParam("id") String id,
                          @FormParam("label_id") String labelId, @FormParam("on") String on) {
        ConversationRow conversation = service.find(staff, id);
        List<String> problems = service.label(conversation, labelId, on, staff.id());
        ContactPanel panel = service.panel(staff, conversation);
        return problems.isEmpty() ? fragment(200, ContactPanelView.of(page, panel))
            : fragment(422, ContactPanelView.labelRefused(page, panel, problems));
    }

    private static Response fragment(int status, ContactPanelView view) {
        return Response.status(status).entity(view).build();
    }
}
