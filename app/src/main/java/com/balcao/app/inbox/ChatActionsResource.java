package com.balcao.app.inbox;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import com.balcao.app.conversations.ConversationActions;
import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.web.AppException;
import com.balcao.app.web.Notice;
import com.balcao.app.web.Page;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataParam;

/**
 * What a person does in an open chat: send, note, react, take over, transfer, resolve... Each
 * answers the fragment it changed; a refused action answers with the reason and a 409/422 and
 * leaves a {@link Notice}, so the person sees why even after a live refresh.
 */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class ChatActionsResource {
    private final InboxPages inbox;
    private final ConversationActions actions;
    private final PanelSender sender;

    ChatActionsResource(InboxPages inbox, ConversationActions actions, PanelSender sender) {
        this.inbox = inbox;
        this.actions = actions;
        this.sender = sender;
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
    @POST
    @Path("c/{id}/catalog")
    public Response catalogItem(@Auth Staff staff, @Context Page page, @PathParam("id") String id,
                                @FormParam("item") String item, @FormParam("key") String key,
                                @FormParam("text") String text) {
        Chat.Draft typed = new Chat.Draft(text == null ? "" : text, "", "", null, true,
            Chat.Draft.fresh().key());
        return composed(staff, page, id, typed, typed,
            () -> sender.sendItem(staff, id, item, key));
    }
    @POST
    @Path("c/{id}/react")
    public Response react(@Auth Staff staff, @PathParam("id") String id,
                          @FormParam("message") String message, @FormParam("emoji") String emoji) {
        sender.react(staff, id, message, emoji);
        return Response.noContent().build();
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
        return composed(staff, page, id, draft, Chat.Draft.fresh(), action);
    }

    /** {@code after}: the composer once the action went through (what the person typed stays). */
    private Response composed(Staff staff, Page page, String id, Chat.Draft draft,
                              Chat.Draft after, Runnable action) {
        try {
            action.run();
            return Response.ok(new InboxView(page, "composer.mustache")
                .chat(inbox.chat(staff, page, id, null, after))).build();
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
