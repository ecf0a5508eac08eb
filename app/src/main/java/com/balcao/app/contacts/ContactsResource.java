package com.balcao.app.contacts;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.web.AppException;
import com.balcao.app.web.Page;
import io.dropwizard.auth.Auth;
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
import java.util.List;

/**
 * The contacts page: the list with search and filters, one contact with their details and
 * conversations, and "Nova conversa", which lands the person in the inbox on the conversation.
 */
@Path("/contacts")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class ContactsResource {
    private final ContactDirectory directory;
    private final ContactStarts starts;

    ContactsResource(ContactDirectory directory, ContactStarts starts) {
        this.directory = directory;
        this.starts = starts;
    }

    /** Contacts by latest conversation, 50 a page; a filter it cannot read answers 400. */
    @GET
    public Response list(@Context Page page, @QueryParam("q") String text,
                         @QueryParam("label") String label, @QueryParam("last") String last,
                         @QueryParam("page") String pageNumber) {
        ContactList list = directory.list(ContactSearch.of(text, label, last, pageNumber));
        return Response.status(list.search().problems().isEmpty() ? 200 : 400)
            .entity(new ContactsView(page, list)).build();
    }

    @GET
    @Path("{id}")
    public ContactView show(@Context Page page, @Auth Staff staff, @PathParam("id") String id) {
        return ContactView.of(page, directory.find(staff, id),
            starts.form(staff, ContactStarts.Typed.NONE));
    }

    /** Saves name, e-mail and custom fields; the name then stays as staff wrote it. */
    @POST
    @Path("{id}")
    public Response save(@Context Page page, @Auth Staff staff, @PathParam("id") String id,
                         @FormParam("name") String name, @FormParam("email") String email,
                         @FormParam("field_key") List<String> keys,
                         @FormParam("field_value") List<String> values) {
        ContactCard card = directory.find(staff, id);
        ContactForm form = ContactForm.of(name, email, keys, values);
        List<String> problems = directory.save(staff, card, form);
        if (!problems.isEmpty()) {
            return Response.status(422).entity(ContactView.refused(page, card,
                starts.form(staff, ContactStarts.Typed.NONE), form, problems)).build();
        }
        page.flash("contact_panel_saved");
        return Response.seeOther(URI.create("/contacts/" + card.publicId())).build();
    }

    /** The "Nova conversa" form for the number and template picked so far (htmx). */
    @GET
    @Path("{id}/start")
    public ContactView startForm(@Context Page page, @Auth Staff staff,
                                 @PathParam("id") String id,
                                 @QueryParam("number") String number,
                                 @QueryParam("department") String department,
                                 @QueryParam("template") String template,
                                 @QueryParam("key") String key) {
        return ContactView.startForm(page, directory.find(staff, id), starts.form(staff,
            new ContactStarts.Typed(number, department, template, List.of(), key)));
    }

    /**
     * Sends the chosen approved template to the contact and opens the conversation in the
     * inbox; a refusal (someone else holds it, a variable missing…) shows the page again with
     * the reason and what was chosen.
     */
    @POST
    @Path("{id}/start")
    public Response start(@Context Page page, @Auth Staff staff, @PathParam("id") String id,
                          @FormParam("number") String number,
                          @FormParam("department") String department,
                          @FormParam("template") String template,
                          @FormParam("param") List<String> params,
                          @FormParam("key") String key) {
        ContactCard card = directory.find(staff, id);
        ContactStarts.Typed typed = new ContactStarts.Typed(number, department, template,
            params, key);
        try {
            ConversationRow conversation = starts.start(staff, card, typed);
            return Response.seeOther(URI.create("/inbox?c=" + conversation.publicId())).build();
        } catch (AppException e) {
            return Response.status(e.status()).entity(ContactView.startRefused(page, card,
                starts.form(staff, typed), e.message(page.messages()))).build();
        }
    }
}
