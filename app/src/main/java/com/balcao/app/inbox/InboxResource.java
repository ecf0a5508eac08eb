package com.balcao.app.inbox;

import com.balcao.app.conversations.ConversationActions;
import com.balcao.app.conversations.Cursor;
import com.balcao.app.conversations.ConversationQueries;
import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import com.balcao.app.web.AppException;
import com.balcao.app.web.Notice;
import com.balcao.app.web.Page;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataParam;

/**
 * The agents' inbox: conversation list | chat | contact panel, refreshed live through the
 * panel's event stream. Fragments answer htmx; a refused action answers its fragment with the
 * reason and a 409/422, so the person sees why in place.
 */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class InboxResource {
    private final InboxPages inbox;
    private final ConversationActions actions;
    private final PanelSender sender;

    InboxResource(InboxPages inbox, ConversationActions actions, PanelSender sender) {
        this.inbox = inbox;
        this.actions = actions;
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

    /** Opens a conversation in place: chat and contact panel, plus the list re-highlighted. */
    @GET
    @Path("c/{id}/pane")
    public InboxView pane(@Auth Staff staff, @Context Page page, @PathParam("id") String id,
                          @BeanParam InboxQuery query) {
        Chat chat = inbox.openChat(staff, page, id).orElseThrow(ConversationQueries::notFound);
        return new InboxView(page, "pane.mustache").chat(chat).withListOutOfBand()
            .list(inbox.list(staff, page, query.filter(id)));
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

    @POST
    @Path("c/{id}/send")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response send(@Auth Staff staff, @Context Page page, @PathParam("id") String id,
                         @FormDataParam("text") String text,
                         @FormDataParam("reply_to") String replyTo,
                         @FormDataParam("reply_snippet") String replySnippet,
                         @FormDataParam("sign") String sign, @FormDataParam("key") String key,
                         @FormDataParam("as") String as,
                         @FormDataParam("file") FormDataBodyPart file) {
        boolean signed = sign != null;
        Chat.Draft draft = new Chat.Draft(text, replyTo, replySnippet, null, signed, key);
        return composed(staff, page, id, draft, () -> {
            if ("note".equals(as)) {
                actions.note(staff, id, text);
            } else {
                sender.send(staff, id, text, replyTo, signed, upload(file), key);
            }
        });
    }

    @POST
    @Path("c/{id}/template")
    public Response template(@Auth Staff staff, @Context Page page, @PathParam("id") String id,
                             @FormParam("template") String template,
                             @FormParam("param") List<String> params,
                             @FormParam("key") String key) {
        Chat.Draft draft = new Chat.Draft("", "", "", null, true, key);
        return composed(staff, page, id, draft,
            () -> sender.sendTemplate(staff, id, template, params, key));
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

    @POST
    @Path("c/{id}/react")
    public Response react(@Auth Staff staff, @PathParam("id") String id,
                          @FormParam("message") String message, @FormParam("emoji") String emoji) {
        sender.react(staff, id, message, emoji);
        return Response.noContent().build();
    }

    @GET
    @Path("c/{id}/quick-replies")
    public InboxView quickReplies(@Auth Staff staff, @Context Page page,
                                  @PathParam("id") String id, @QueryParam("text") String text) {
        return new InboxView(page, "suggestions.mustache")
            .suggestions(sender.suggestions(staff, id, text));
    }

    @POST
    @Path("c/{id}/typing")
    public Response typing(@Auth Staff staff, @PathParam("id") String id) {
        actions.typing(staff, id);
        return Response.noContent().build();
    }

    @POST
    @Path("c/{id}/take")
    public Response take(@Auth Staff staff, @Context Page page, @PathParam("id") String id) {
        return acted(staff, page, id, () -> actions.takeOver(staff, id));
    }

    @POST
    @Path("c/{id}/bot")
    public Response toBot(@Auth Staff staff, @Context Page page, @PathParam("id") String id) {
        return acted(staff, page, id, () -> actions.returnToBot(staff, id));
    }

    @POST
    @Path("c/{id}/resolve")
    public Response resolve(@Auth Staff staff, @Context Page page, @PathParam("id") String id) {
        return acted(staff, page, id, () -> actions.resolve(staff, id));
    }

    @POST
    @Path("c/{id}/reopen")
    public Response reopen(@Auth Staff staff, @Context Page page, @PathParam("id") String id) {
        return acted(staff, page, id, () -> actions.reopen(staff, id));
    }

    @POST
    @Path("c/{id}/transfer")
    public Response transfer(@Auth Staff staff, @Context Page page, @PathParam("id") String id,
                             @FormParam("department") String department,
                             @FormParam("person") String person,
                             @FormParam("reason") String reason) {
        return acted(staff, page, id, () -> actions.transfer(staff, id,
            InboxPages.optionalId(department), InboxPages.optionalId(person), reason),
            done -> Notice.done(page.messages().get("chat_transferred_to",
                done.assigneeName() == null ? done.departmentName()
                    : done.assigneeName() + " (" + done.departmentName() + ")")));
    }

    private Response acted(Staff staff, Page page, String id, Supplier<ConversationRow> action) {
        return acted(staff, page, id, action, done -> null);
    }

    /** Runs a header action; {@code confirmation} says what was done (null: the page shows). */
    private Response acted(Staff staff, Page page, String id, Supplier<ConversationRow> action,
                           Function<ConversationRow, Notice> confirmation) {
        try {
            Notice notice = confirmation.apply(action.get());
            if (!inbox.visible(staff, id)) {
                // Transferred out of this person's reach: done, so back to their inbox, not 404.
                return Notice.attach(Response.ok().header("HX-Redirect", "/inbox"),
                    notice == null ? null : notice.onNextPage()).build();
            }
            return Notice.attach(Response.ok(new InboxView(page, "state.mustache")
                .chat(inbox.chat(staff, page, id, null))), notice).build();
        } catch (AppException e) {
            if (e.status().getStatusCode() == 404) {
                throw e;
            }
            String reason = e.message(page.messages());
            // The reason also stays as a toast: a live refresh may redraw the header at once.
            return Notice.attach(Response.status(e.status()).entity(new InboxView(page,
                "state.mustache").chat(inbox.chat(staff, page, id, reason))),
                Notice.refused(reason)).build();
        }
    }

    private Response composed(Staff staff, Page page, String id, Chat.Draft draft,
                              Runnable action) {
        try {
            action.run();
            return Response.ok(new InboxView(page, "composer.mustache")
                .chat(inbox.chat(staff, page, id, null))).build();
        } catch (AppException e) {
            if (e.status().getStatusCode() == 404) {
                throw e;
            }
            Chat.Draft kept = new Chat.Draft(draft.text(), draft.replyTo(), draft.replySnippet(),
                e.message(page.messages()), draft.sign(), draft.key());
            return Response.status(e.status()).entity(new InboxView(page, "composer.mustache")
                .chat(inbox.chat(staff, page, id, null, kept))).build();
        }
    }

    private static PanelSender.Upload upload(FormDataBodyPart file) {
        if (file == null || file.getContentDisposition() == null
            || file.getContentDisposition().getFileName() == null
            || file.getContentDisposition().getFileName().isBlank()) {
            return null;
        }
        return new PanelSender.Upload(file.getValueAs(java.io.InputStream.class),
            file.getContentDisposition().getFileName(), file.getMediaType().toString());
    }
}
