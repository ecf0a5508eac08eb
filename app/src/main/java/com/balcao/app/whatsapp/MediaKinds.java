package com.balcao.app.whatsapp;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What WhatsApp accepts per media kind (CLOUD-API.md §5.9): types and size limits. */
final class MediaKinds {
    private static final long MB = 1024 * 1024;

    /** One media kind's rules. */
    record Kind(String name, Set<String> mimeTypes, long maxBytes) {
    }

    static final Map<String, Kind> KINDS = Map.of(
        "image", new Kind("image", Set.of("image/jpeg", "image/png"), 5 * MB),
        "audio", new Kind("audio", Set.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4",
            "audio/ogg"), 16 * MB),
        "video", new Kind("video", Set.of("video/mp4", "video/3gpp"), 16 * MB),
        "sticker", new Kind("sticker", Set.of("image/webp"), 500 * 1024),
        "document", new Kind("document", Set.of("text/plain", "application/pdf",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            100 * MB));

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
        Map.entry("image/jpeg", ".jpg"), Map.entry("image/png", ".png"),
        Map.entry("image/webp", ".webp"), Map.entry("audio/ogg", ".ogg"),
        Map.entry("audio/mpeg", ".mp3"), Map.entry("audio/mp4", ".m4a"),
        Map.entry("audio/aac", ".aac"), Map.entry("audio/amr", ".amr"),
        Map.entry("video/mp4", ".mp4"), Map.entry("video/3gpp", ".3gp"),
        Map.entry("application/pdf", ".pdf"), Map.entry("text/plain", ".txt"));

    private MediaKinds() {
    }

    /** The kind a MIME type is sent as ("audio/ogg; codecs=opus" is audio). */
    static Optional<Kind> of(String mimeType) {
        String bare = bare(mimeType);
        return KINDS.values().stream().filter(kind -> kind.mimeTypes().contains(bare))
            .filter(kind -> !"sticker".equals(kind.name())).findFirst()
            .or(() -> "image/webp".equals(bare) ? Optional.of(KINDS.get("sticker"))
                : Optional.empty());
    }

    static String bare(String mimeType) {
        return mimeType == null ? "" : mimeType.split(";")[0].trim().toLowerCase();
    }

    static String extension(String mimeType) {
        return EXTENSIONS.getOrDefault(bare(mimeType), ".bin");
    }
}
