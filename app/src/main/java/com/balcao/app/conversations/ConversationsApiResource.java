package com.balcao.app.conversations;

import com.balcao.app.web.AppException;
import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import com.balcao.app.web.Messages;
import com.balcao.app.whatsapp.MediaFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataParam;

/**
 * The conversations REST API, scoped like the panel: agents see their departments' and their
 * own conversations; anything else answers 404.
 */
@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class ConversationsApiResource {
    private final ConversationQueries queries;
    private final ConversationActions actions;
    private final OutboundService outbound;
    private final MediaService media;
    private final ObjectMapper json;
    private final Clock clock;

    ConversationsApiResource(ConversationQueries queries, ConversationActions actions,
                             OutboundService outbound, MediaService media, ObjectMapper json,
                             Clock clock) {
        this.queries = queries;
        this.actions = actions;
        this.outbound = outbound;
        this.media = media;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Conversations, most recent activity first. Filters: {@code status}, {@code departmentId},
     * {@code assignee} ("me", "none" or a staff id), {@code waId}; {@code cursor} and
     * {@code limit} (1-100, default 50) page through them.
     */
    @GET
    public PageJson<ConversationJson> list(@Auth Staff staff,
                                           @QueryParam("status") String status,
                                           @QueryParam("departmentId") Long departmentId,
                                           @QueryParam("assignee") String assignee,
                                           @QueryParam("waId") String waId,
                                           @QueryParam("cursor") String cursor,
                                           @QueryParam("limit") Integer limit) {
        int size = ConversationQueries.limit(limit);
        List<ConversationRow> rows = queries.page(staff, new ConversationQueries.Filter(status,
            departmentId, assignee, waId), Cursor.decode(cursor), size);
        String next = rows.size() > size ? new Cursor(rows.get(size - 1).lastMessageAt(),
            rows.get(size - 1).id()).encode() : null;
        return new PageJson<>(rows.stream().limit(size)
            .map(row -> ConversationJson.of(row, clock.instant())).toList(), next);
    }

    /** One conversation. */
    @GET
    @Path("{id}")
    public ConversationJson get(@Auth Staff staff, @PathParam("id") String id) {
        return ConversationJson.of(queries.find(staff, id), clock.instant());
    }

    /** A conversation's messages, newest first; {@code nextCursor} leads to older ones. */
    @GET
    @Path("{id}/messages")
    public PageJson<MessageJson> messages(@Auth Staff staff, @PathParam("id") String id,
                                          @QueryParam("cursor") String cursor,
                                          @QueryParam("limit") Integer limit) {
        ConversationRow conversation = queries.find(staff, id);
        int size = ConversationQueries.limit(limit);
        List<MessageRow> rows = queries.messages(conversation, Cursor.decode(cursor), size);
        String next = rows.size() > size ? new Cursor(rows.get(size - 1).sentAt(),
            rows.get(size - 1).id()).encode() : null;
        Messages texts = Messages.of(staff.locale());
        return new PageJson<>(rows.stream().limit(size).map(row -> MessageJson.of(row,
            conversation.publicId(), texts, json)).toList(), next);
    }

    /**
     * Sends a message (text, media, template, interactive, reaction). 201 with the queued
     * message; 200 with the first one when the {@code Idempotency-Key} was used before; 422
     * outside the 24-hour window for anything but a template.
     */
    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@Auth Staff staff, @PathParam("id") String id,
                         @HeaderParam("Idempotency-Key") String idempotencyKey,
                         SendRequest request) {
        if (request == null) {
            throw AppException.unprocessable("missing_body", "conversation_send_missing", "body");
        }
        OutboundService.Sent sent = outbound.send(staff, id, request, idempotencyKey);
        MessageJson body = MessageJson.of(sent.message(), id, Messages.of(staff.locale()), json);
        if (!sent.created()) {
            return Response.ok(body).build();
        }
        return Response.created(URI.create("/api/v1/conversations/" + id + "/messages/"
            + body.id())).entity(body).build();
    }

    /** Marks the customer's latest message as read on their phone (blue ticks). */
    @POST
    @Path("{id}/read")
    public Response read(@Auth Staff staff, @PathParam("id") String id) {
        outbound.markRead(staff, id);
        return Response.accepted().build();
    }

    /**
     * Takes the conversation over: the caller becomes its only holder and the bot stops. 409
     * naming the holder when someone else has it.
     */
    @POST
    @Path("{id}/take")
    public ConversationJson take(@Auth Staff staff, @PathParam("id") String id) {
        return ConversationJson.of(actions.takeOver(staff, id), clock.instant());
    }

    /** Hands the conversation back to the bot, out of every person's hands. */
    @POST
    @Path("{id}/return-to-bot")
    public ConversationJson returnToBot(@Auth Staff staff, @PathParam("id") String id) {
        return ConversationJson.of(actions.returnToBot(staff, id), clock.instant());
    }

    @POST
    @Path("{id}/resolve")
    public ConversationJson resolve(@Auth Staff staff, @PathParam("id") String id) {
        return ConversationJson.of(actions.resolve(staff, id), clock.instant());
    }

    @POST
    @Path("{id}/reopen")
    public ConversationJson reopen(@Auth Staff staff, @PathParam("id") String id) {
        return ConversationJson.of(actions.reopen(staff, id), clock.instant());
    }

    /** {@code {"departmentId":…, "assigneeId":…, "reason":"…"}}: at least one of the ids. */
    @POST
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConversationJson transfer(@Auth Staff staff, @PathParam("id") String id,
                                     TransferRequest request) {
        TransferRequest body = request == null ? new TransferRequest(null, null, null) : request;
        return ConversationJson.of(actions.transfer(staff, id, body.departmentId(),
            body.assigneeId(), body.reason()), clock.instant());
    }

    /** An internal note {@code {"text":"…"}}: in the timeline, never sent to the customer. */
    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response note(@Auth Staff staff, @PathParam("id") String id, NoteRequest request) {
        MessageRow note = actions.note(staff, id, request == null ? null : request.text());
        return Response.status(Response.Status.CREATED).entity(MessageJson.of(note, id,
            Messages.of(staff.locale()), json)).build();
    }

    /** Where a transfer goes, and why. */
    public record TransferRequest(Long departmentId, Long assigneeId, String reason) {
    }

    /** The text of an internal note. */
    public record NoteRequest(String text) {
    }

    /** A message's file, once downloaded from WhatsApp. */
    @GET
    @Path("{id}/messages/{messageId}/media")
    @Produces(MediaType.WILDCARD)
    public Response download(@Auth Staff staff, @PathParam("id") String id,
                             @PathParam("messageId") String messageId) {
        return media.download(staff, id, messageId);
    }

    /**
     * Uploads a file (multipart field {@code file}) to send next with
     * {@code {"type":"image","media":{"id":…}}}. 201 with its id; 413/422 when WhatsApp would
     * not take it.
     */
    @POST
    @Path("{id}/media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@Auth Staff staff, @PathParam("id") String id,
                           @FormDataParam("file") FormDataBodyPart file) {
        InputStream in = file == null ? null : file.getValueAs(InputStream.class);
        String name = file == null || file.getContentDisposition() == null ? null
            : file.getContentDisposition().getFileName();
        String type = file == null ? null : file.getMediaType().toString();
        MediaFiles.Stored stored = media.upload(staff, id, in, name, type);
        return Response.status(Response.Status.CREATED).entity(new UploadedJson(
            stored.publicId(), stored.mimeType(), stored.filename(), stored.size())).build();
    }
}
