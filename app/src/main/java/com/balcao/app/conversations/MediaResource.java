package com.balcao.app.conversations;

import com.balcao.app.auth.Role;
import com.balcao.app.auth.Staff;
import com.balcao.app.whatsapp.MediaFiles;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataParam;

/** Files of conversations over the API (Bearer token). */
@Path("/api/v1/conversations/{id}")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.AGENT_NAME})
public final class MediaResource {
    private final MediaService media;

    MediaResource(MediaService media) {
        this.media = media;
    }

    /** The public facts of an uploaded file. */
    public record Uploaded(String id, String mimeType, String filename, Long size) {
    }

    /** A message's file, once downloaded from WhatsApp. */
    @GET
    @Path("messages/{messageId}/media")
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
    @Path("media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@Auth Staff staff, @PathParam("id") String id,
                           @FormDataParam("file") FormDataBodyPart file) {
        InputStream in = file == null ? null : file.getValueAs(InputStream.class);
        String name = file == null || file.getContentDisposition() == null ? null
            : file.getContentDisposition().getFileName();
        String type = file == null ? null : file.getMediaType().toString();
        MediaFiles.Stored stored = media.upload(staff, id, in, name, type);
        return Response.status(Response.Status.CREATED).entity(new Uploaded(stored.publicId(),
            stored.mimeType(), stored.filename(), stored.size())).build();
    }
}
