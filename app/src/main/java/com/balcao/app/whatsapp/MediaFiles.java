package com.balcao.app.whatsapp;

import com.balcao.app.auth.Tokens;
import com.balcao.app.web.AppException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media volume: files customers sent (queued for download from Meta) and files agents
 * upload to send. Files live under {@code <dataDir>/media}; only their metadata is in the
 * database. Who may see a file is decided by the caller (its conversation's department).
 */
public final class MediaFiles {
    private static final Logger LOG = LoggerFactory.getLogger(MediaFiles.class);
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM")
        .withZone(ZoneOffset.UTC);
    private final Path root;
    private final Clock clock;
    private final Runnable wake;
    private final Jdbi jdbi;

    MediaFiles(Jdbi jdbi, Path root, Runnable wake, Clock clock) {
        this.jdbi = jdbi;
        this.root = root;
        this.wake = wake;
        this.clock = clock;
    }

    /** What a caller may know of a media file; {@code state} is PENDING, STORED or FAILED. */
    public record Stored(long id, String publicId, String mimeType, String filename, Long size,
                         String state, String sha256) {
    }

    /** How WhatsApp sends a file of this type (image, audio…), if it takes it at all. */
    public static Optional<String> kindOf(String mimeType) {
        return MediaKinds.of(mimeType).map(MediaKinds.Kind::name);
    }

    public Optional<Stored> find(long id) {
        return dao().find(id).map(MediaFiles::stored);
    }

    public Optional<Stored> findByPublicId(String publicId) {
        return dao().findByPublicId(publicId).map(MediaFiles::stored);
    }

    /**
     * A file uploaded to send, only in the conversation it was uploaded in and only for the
     * person who uploaded it: seeing a file is not a licence to forward it anywhere.
     */
    public Optional<Stored> findUpload(String publicId, long conversationId, long uploaderId) {
        return dao().findUpload(publicId, conversationId, uploaderId).map(MediaFiles::stored);
    }

    /** The file of a stored media, for streaming to an authorised person. */
    public Optional<Path> file(long id) {
        return dao().find(id).filter(row -> "STORED".equals(row.state()))
            .map(row -> root.resolve(row.storagePath()));
    }

    /** Records a customer's media in the caller's transaction; the download is queued. */
    public long registerInbound(Handle handle, long numberId, InboundMessage.InboundMedia media) {
        String mime = media.mimeType() == null ? "application/octet-stream" : media.mimeType();
        return handle.attach(MediaDao.class).insert(Tokens.random(16), numberId, "in",
            media.waMediaId(), mime, media.sha256(), null, media.filename(), null,
            media.waMediaId() == null ? "FAILED" : "PENDING", clock.instant());
    }

    /** Starts the downloads of media registered by a transaction that just committed. */
    public void wake() {
        wake.run();
    }

    /**
     * Keeps an agent's file for sending. The type must be one WhatsApp accepts and the size
     * within its limit for that kind; otherwise nothing is kept and a 422 explains why.
     */
    public Stored storeUpload(long numberId, long conversationId, long uploaderId, InputStream in,
                              String filename, String mimeType) {
        MediaKinds.Kind kind = MediaKinds.of(mimeType).orElseThrow(() -> new AppException(
            AppException.UNPROCESSABLE, "media_type_unsupported",
            "wa_media_type_unsupported"));
        String publicId = Tokens.random(16);
        String relative = FOLDER.format(clock.instant()) + "/" + publicId
            + MediaKinds.extension(mimeType);
        Path target = root.resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(publicId + ".part");
            long size = copy(in, part, kind.maxBytes());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            long id = dao().insert(publicId, numberId, "out", null, MediaKinds.bare(mimeType),
                null, size, cleanName(filename), relative, "STORED", clock.instant());
            dao().own(id, conversationId, uploaderId);
            return find(id).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long copy(InputStream in, Path part, long maxBytes) throws IOException {
        long total = 0;
        try (InputStream source = in; OutputStream out = Files.newOutputStream(part)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = source.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    out.close();
                    Files.deleteIfExists(part);
                    throw new AppException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                        "media_too_large", "wa_media_too_large", maxBytes / 1024);
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            Files.deleteIfExists(part);
            throw new AppException(AppException.UNPROCESSABLE, "media_empty",
                "wa_media_empty");
        }
        return total;
    }

    /** Deletes files uploaded to send that no message used within {@code age}. */
    public int deleteUnsentUploads(Duration age) {
        int deleted = 0;
        for (MediaRow row : dao().unsentBefore(clock.instant().minus(age))) {
            if (dao().deleteUnsent(row.id()) == 1) {
                deleted++;
                try {
                    if (row.storagePath() != null) {
                        Files.deleteIfExists(root.resolve(row.storagePath()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (deleted > 0) {
            LOG.info("Deleted {} uploaded file(s) never sent", deleted);
        }
        return deleted;
    }

    /** Sets the uploaded id on a message body, uploading our file to Meta the first time. */
    void attachUploaded(BusinessNumber number, ObjectNode body, long mediaId, GraphClient graph)
        throws IOException {
        MediaRow row = dao().find(mediaId).orElseThrow(() -> new IOException("media gone"));
        String waMediaId = row.waMediaId();
        if (waMediaId == null) {
            GraphResponse response = graph.upload(number, root.resolve(row.storagePath()),
                row.mimeType(), row.filename() == null ? row.publicId() : row.filename());
            waMediaId = WebhookParser.text(response.body(), "id");
            if (!response.ok() || waMediaId == null) {
                throw new UploadFailed(response);
            }
            dao().setWaMediaId(mediaId, waMediaId, clock.instant());
        }
        ((ObjectNode) body.path(body.path("type").asText())).put("id", waMediaId);
    }

    /** Meta refused our upload. */
    static final class UploadFailed extends IOException {
        final transient GraphResponse response;

        UploadFailed(GraphResponse response) {
            super("Media upload refused: " + response.error().title());
            this.response = response;
        }
    }

    Path root() {
        return root;
    }

    private MediaDao dao() {
        return jdbi.onDemand(MediaDao.class);
    }

    private static String cleanName(String filename) {
        if (filename == null || filename.isBlank()) {
            return null;
        }
        String name = Path.of(filename.replace('\\', '/')).getFileName().toString();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static Stored stored(MediaRow row) {
        return new Stored(row.id(), row.publicId(), row.mimeType(), row.filename(),
            row.fileSize(), row.state(), row.sha256());
    }
}
