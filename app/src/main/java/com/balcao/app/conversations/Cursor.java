package com.balcao.app.conversations;

import com.balcao.app.web.AppException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where a page ends: the sort time and id of its last row, opaque to clients. Keyset paging,
 * so new rows never shift or repeat the pages a client is walking through.
 */
public record Cursor(Instant at, long id) {

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + ":" + id)
            .getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent back, or null for the first page; 400 when garbled. */
    public static Cursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text),
                StandardCharsets.US_ASCII).split(":");
            return new Cursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
                Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw AppException.badRequest("invalid_cursor",
                "conversation_invalid_cursor");
        }
    }
}
