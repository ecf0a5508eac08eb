package com.balcao.app.whatsapp;

import com.balcao.app.config.Columns;
import com.balcao.app.config.WhatsAppConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads customers' media: {@code GET /{media-id}} for a fresh URL, then the file itself
 * with the bearer token, checked against the announced size and SHA-256 before it is kept.
 * Media ids stay downloadable for 7 days, so failures are retried for a while, then given up.
 */
final class MediaDownloader implements Workers.Batch {
    private static final Logger LOG = LoggerFactory.getLogger(MediaDownloader.class);
    private static final int MAX_ATTEMPTS = 6;
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM")
        .withZone(ZoneOffset.UTC);
    private final MediaDao media;
    private final NumberRegistry numbers;
    private final GraphClient graph;
    private final Path root;
    private final Supplier<WhatsAppListener> listener;
    private final WhatsAppConfig config;
    private final Clock clock;

    MediaDownloader(MediaDao media, NumberRegistry numbers, GraphClient graph, Path root,
                    Supplier<WhatsAppListener> listener, WhatsAppConfig config, Clock clock) {
        this.media = media;
        this.numbers = numbers;
        this.graph = graph;
        this.root = root;
        this.listener = listener;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public int run() {
        Instant now = clock.instant();
        List<MediaRow> rows = media.claim(now, now.plusSeconds(300), 2);
        rows.forEach(this::download);
        return rows.size();
    }

    private void download(MediaRow row) {
        try {
            BusinessNumber number = numbers.byId(row.waNumberId())
                .orElseThrow(() -> new IOException("unknown number " + row.waNumberId()));
            GraphResponse info = graph.get(number, row.waMediaId() + "?phone_number_id="
                + number.phoneNumberId());
            if (!info.ok()) {
                throw new IOException("media lookup failed: " + info.error().title());
            }
            store(row, number, info.body());
            listener.get().mediaChanged(row.id());
        } catch (IOException | RuntimeException e) {
            if (row.attempts() >= MAX_ATTEMPTS) {
                LOG.warn("Media {} given up: {}", row.id(), e.getMessage());
                media.fail(row.id(), Columns.clipError(e.getMessage()), clock.instant());
                listener.get().mediaChanged(row.id());
            } else {
                media.retryAt(row.id(), clock.instant().plus(WebhookProcessor.backoff(
                    row.attempts() + 2)), Columns.clipError(e.getMessage()), clock.instant());
            }
        }
    }

    private void store(MediaRow row, BusinessNumber number, JsonNode info) throws IOException {
        long announced = info.path("file_size").asLong(-1);
        if (announced > config.mediaMaxBytes) {
            throw new IOException("file of " + announced + " bytes is over the limit");
        }
        String url = WebhookParser.text(info, "url");
        if (url == null) {
            throw new IOException("no download URL");
        }
        String mime = WebhookParser.text(info, "mime_type") != null
            ? WebhookParser.text(info, "mime_type") : row.mimeType();
        String relative = FOLDER.format(clock.instant()) + "/" + row.publicId()
            + MediaKinds.extension(mime);
        Path target = root.resolve(relative);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(row.publicId() + ".part");
        try {
            GraphClient.Download file = graph.download(number, url, part, config.mediaMaxBytes);
            String expected = row.sha256() != null ? row.sha256()
                : WebhookParser.text(info, "sha256");
            if (announced >= 0 && announced != file.size()) {
                throw new IOException("size " + file.size() + " differs from " + announced);
            }
            if (expected != null && !sameHash(expected, file.sha256())) {
                throw new IOException("SHA-256 does not match the announced one");
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            media.stored(row.id(), relative, file.size(), file.sha256(), mime, clock.instant());
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Meta's examples give the hash in base64; hex is accepted too. */
    static boolean sameHash(String expected, String base64) {
        if (expected.equals(base64)) {
            return true;
        }
        byte[] actual = Base64.getDecoder().decode(base64);
        return expected.equalsIgnoreCase(HexFormat.of().formatHex(actual));
    }
}
