package com.balcao.app.inbox;

import com.balcao.app.conversations.Cursor;
import com.balcao.app.conversations.ConversationQueries;
import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import com.balcao.app.web.Page;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The agents' inbox as read: conversation list | chat | contact panel and their fragments,
 * refreshed live through the panel's event stream. What a person does in a chat is in
 * {@link ChatActionsResource}.
 */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class InboxResource {
    private final InboxPages inbox;
    private final PanelSender sender;

    InboxResource(InboxPages inbox, PanelSender sender) {
        this.inbox = inbox;
        this.sender = sender;
    }

    @GET
    public InboxView page(@Auth Staff staff, @Context Page page,
                          @BeanParam InboxQuery query) {
        InboxFilter filter = query.filter();
        Chat chat = query.open() == null ? null
            : inbox.openChat(staff, page, query.open()).orElse(null);
        return new InboxView(page, "inbox.mustache")
            .list(inbox.list(staff, page, chat == null ? filter.withOpen(null) : filter))
            .chat(chat);
    }

    @GET
    @Path("list")
    public InboxView list(@Auth Staff staff, @Context Page page,
                          @BeanParam InboxQuery query) {
        return new InboxView(page, "list.mustache").list(inbox.list(staff, page,
            query.filter()));
    }

    /** The navigation's counter: conversations waiting in this person's queues. */
    @GET
    @Path("badge")
    public InboxView badge(@Auth Staff staff, @Context Page page) {
        return new InboxView(page, "badge.mustache").badge(inbox.waitingInQueue(staff));
    }

    /**
     * Opens a conversation in place: chat and contact panel (inbox.js marks it in the list; an
     * out-of-band list would miss its target whenever a live refresh replaced the list while
     * the conversation was opening).
     */
    @GET
    @Path("c/{id}/pane")
    public InboxView pane(@Auth Staff staff, @Context Page page, @PathParam("id") String id) {
        Chat chat = inbox.openChat(staff, page, id).orElseThrow(ConversationQueries::notFound);
        return new InboxView(page, "pane.mustache").chat(chat);
    }

    /** The chat's header and actions, refreshed when the conversation changes hands. */
    @GET
    @Path("c/{id}/state")
    public Response state(@Auth Staff staff, @Context Page page, @PathParam("id") String id,
                          @HeaderParam("HX-Request") String live) {
        if (live != null && !inbox.visible(staff, id)) {
            return leftReach();
        }
        return Response.ok(new InboxView(page, "state.mustache")
            .chat(inbox.chat(staff, page, id, null))).build();
    }

    /**
     * A live refresh (an htmx request) of a conversation that has just left this person's
     * reach, transferred to another department: the panel goes back to the inbox instead of
     * failing on a 404. Any other request for it is a plain 404.
     */
    private static Response leftReach() {
        return Response.ok().header("HX-Redirect", "/inbox").build();
    }

    /**
     * The composer, refreshed when who may write changes; 204 (nothing swapped, nothing typed
     * lost) while it stays the same.
     */
    @GET
    @Path("c/{id}/composer")
    public Response composer(@Auth Staff staff, @Context Page page, @PathParam("id") String id,
                             @QueryParam("shown") String shown,
                             @HeaderParam("HX-Request") String live) {
        if (live != null && !inbox.visible(staff, id)) {
            return leftReach();
        }
        Chat chat = inbox.chat(staff, page, id, null);
        if (InboxPages.composerState(chat).equals(shown)) {
            return Response.noContent().build();
        }
        return Response.ok(new InboxView(page, "composer.mustache").chat(chat)).build();
    }

    @GET
    @Path("c/{id}/timeline")
    public Response timeline(@Auth Staff staff, @Context Page page, @PathParam("id") String id,
                             @QueryParam("since") String since,
                             @HeaderParam("HX-Request") String live) {
        if (live != null && !inbox.visible(staff, id)) {
            return leftReach();
        }
        return Response.ok(new InboxView(page, "timeline.mustache")
            .timeline(inbox.recent(staff, page, id, Cursor.decode(since)))).build();
    }

    @GET
    @Path("c/{id}/older")
    public InboxView older(@Auth Staff staff, @Context Page page, @PathParam("id") String id,
                           @QueryParam("before") String before) {
        Cursor cursor = Cursor.decode(before);
        if (cursor == null) {
            throw ConversationQueries.notFound();
        }
        return new InboxView(page, "older.mustache")
            .timeline(inbox.older(staff, page, id, cursor));
    }

    /** The inputs for the chosen template's variables, with its text as a preview. */
    @GET
    @Path("c/{id}/template-fields")
    public InboxView templateFields(@Auth Staff staff, @Context Page page,
                                    @PathParam("id") String id,
                                    @QueryParam("template") String template) {
        InboxView view = new InboxView(page, "template-fields.mustache");
        inbox.template(staff, id, template)
            .ifPresent(info -> view.templateFields(info.bodyText(), info.parameterCount()));
        return view;
    }

    @GET
    @Path("c/{id}/quick-replies")
    public InboxView quickReplies(@Auth Staff staff, @Context Page page,
                                  @PathParam("id") String id, @QueryParam("text") String text) {
        return new InboxView(page, "suggestions.mustache")
            .suggestions(sender.suggestions(staff, id, text));
    }

    /** Items on sale for the composer's catalog, filtered by what was typed. */
    @GET
    @Path("c/{id}/catalog")
    public CatalogPickerView catalog(@Auth Staff staff, @Context Page page,
                                     @PathParam("id") String id, @QueryParam("q") String typed) {
        return new CatalogPickerView(page, id, sender.items(staff, id, typed),
            typed != null && !typed.isBlank());
    }
}
