package com.balcao.app.conversations;

import com.balcao.app.web.Messages;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;

/**
 * A message as the REST API shows it. Type-specific details of customers' messages
 * (location, interactive reply, reaction, referral, shared contacts, reply context) come from
 * the raw message Meta sent; an unsupported one carries that raw JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageJson(String id, String waMessageId, Direction direction, String type,
                          String text, String caption, Media media, MessageStatus status,
                          Error error,
                          Instant createdAt, Instant sentAt, Context context, JsonNode location,
                          JsonNode interactive, JsonNode reaction, JsonNode referral,
                          JsonNode contacts, JsonNode raw, String sender) {

    /** The attached file; {@code url} serves it to authorised staff once downloaded. */
    public record Media(String id, String mimeType, String filename, Long size, String state,
                        String url) {
    }

    /** Why sending failed: Meta's code and title and a sentence the agent can act on. */
    public record Error(Integer code, String title, String detail, String message) {
    }

    /** The message this one replies to. */
    public record Context(String waMessageId) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Override
    public String waMessageId() {
        return waMessageId;
    }

    static MessageJson of(MessageRow row, String conversationId, Messages messages,
                          ObjectMapper json) {
        JsonNode raw = row.direction() == Direction.INBOUND ? parse(row.payload(), json) : null;
        boolean unsupported = "unsupported".equals(row.type());
        String text = row.direction() == Direction.SYSTEM
            ? systemText(row, messages, json) : row.body();
        return new MessageJson(row.publicId(), row.waMessageId(), row.direction(), row.type(),
            text, row.caption(), media(row, conversationId), row.status(),
            error(row, messages), row.createdAt(), row.sentAt(),
            row.contextWaId() == null || "reaction".equals(row.type()) ? null
                : new Context(row.contextWaId()),
            field(raw, "location"), field(raw, "interactive"), field(raw, "reaction"),
            field(raw, "referral"), field(raw, "contacts"), unsupported ? raw : null,
            row.sender());
    }

    /** A system message is stored as a text key and arguments: shown in the reader's language. */
    private static String systemText(MessageRow row, Messages messages, ObjectMapper json) {
        JsonNode args = parse(row.payload(), json);
        java.util.List<String> values = new java.util.ArrayList<>();
        if (args != null) {
            args.path("args").forEach(arg -> values.add(arg.asText()));
        }
        return messages.get(row.body(), values.toArray());
    }

    private static Media media(MessageRow row, String conversationId) {
        if (row.mediaId() == null) {
            return null;
        }
        String url = "STORED".equals(row.mediaState()) ? "/api/v1/conversations/"
            + conversationId + "/messages/" + row.publicId() + "/media" : null;
        return new Media(row.mediaPublicId(), row.mediaMimeType(), row.mediaFilename(),
            row.mediaSize(), row.mediaState(), url);
    }

    private static Error error(MessageRow row, Messages messages) {
        if (row.errorCode() == null && row.errorTitle() == null) {
            return null;
        }
        String key = row.errorCode() == null ? null : "wa_error_" + row.errorCode();
        String message = key != null && messages.all().containsKey(key) ? messages.get(key)
            : messages.get("wa_error_generic", row.errorTitle() == null ? "" : row.errorTitle());
        return new Error(row.errorCode(), row.errorTitle(), row.errorDetail(), message);
    }

    private static JsonNode field(JsonNode raw, String name) {
        return raw == null || !raw.hasNonNull(name) ? null : raw.get(name);
    }

    private static JsonNode parse(String payload, ObjectMapper json) {
        try {
            return payload == null ? null : json.readTree(payload);
        } catch (IOException e) {
            return null;
        }
    }
}
