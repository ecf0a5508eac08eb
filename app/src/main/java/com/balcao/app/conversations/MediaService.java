package com.balcao.app.conversations;

import com.balcao.app.auth.Staff;
import com.balcao.app.web.AppException;
import com.balcao.app.whatsapp.MediaFiles;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Media of a conversation for the people allowed to see it: downloads of customers' files and
 * uploads of files to send. Types a browser could run (HTML, SVG…) are only ever offered as a
 * download, never shown inline.
 */
public final class MediaService {
    private static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/webp",
        "audio/ogg", "audio/mpeg", "audio/mp4", "audio/aac", "audio/amr", "video/mp4",
        "video/3gpp");
    private final ConversationQueries queries;
    private final MediaFiles media;

    MediaService(ConversationQueries queries, MediaFiles media) {
        this.queries = queries;
        this.media = media;
    }

    /** The file of a message, as a response; 404 when not visible or not downloaded yet. */
    public Response download(Staff staff, String conversationId, String messageId) {
        ConversationRow conversation = queries.find(staff, conversationId);
        MessageRow message = queries.message(conversation, messageId);
        Path file = message.mediaId() == null ? null : media.file(message.mediaId()).orElse(null);
        if (file == null || !Files.isRegularFile(file)) {
            throw ConversationQueries.notFound();
        }
        String mime = message.mediaMimeType() == null ? "" : message.mediaMimeType()
            .split(";")[0].trim();
        boolean inline = INLINE.contains(mime);
        String name = message.mediaFilename() == null ? message.mediaPublicId()
            : message.mediaFilename().replaceAll("[^\\w.\\- ]", "_");
        StreamingOutput body = out -> Files.copy(file, out);
        return Response.ok(body).type(inline ? mime : "application/octet-stream")
            .header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\""
                + name + "\"")
            .header("Cache-Control", "private, max-age=300").build();
    }

    /** Keeps a file to send in the conversation; answers its id for the send request. */
    MediaFiles.Stored upload(Staff staff, String conversationId, InputStream in, String filename,
                             String mimeType) {
        ConversationRow conversation = queries.find(staff, conversationId);
        if (in == null) {
            throw AppException.unprocessable("missing_file",
                "conversation_send_missing", "file");
        }
        return media.storeUpload(conversation.waNumberId(), conversation.id(), staff.id(), in,
            filename, mimeType);
    }
}
