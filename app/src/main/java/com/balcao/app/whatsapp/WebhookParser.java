package com.balcao.app.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads Meta's webhook envelope into our records. Every entry, change, message and status is
 * visited; every field is optional except a message's id; unknown fields are ignored and
 * unknown message types are kept as {@code unsupported} with their raw JSON.
 */
final class WebhookParser {
    static final Set<String> MEDIA_TYPES = Set.of("image", "audio", "video", "document",
        "sticker");
    static final Set<String> KNOWN_TYPES = Set.of("text", "image", "audio", "video", "document",
        "sticker", "location", "contacts", "interactive", "button", "reaction", "order", "system",
        "unsupported");

    private WebhookParser() {
    }

    /** Thrown for a body that is JSON but not a webhook at all. */
    static ParsedWebhook parse(JsonNode root, Instant now) {
        if (!root.isObject() || !root.path("entry").isArray()) {
            throw new UnprocessableWebhook("not a webhook envelope (no entry array)");
        }
        List<InboundMessage> messages = new ArrayList<>();
        List<StatusUpdate> statuses = new ArrayList<>();
        List<TemplateUpdate> templates = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<InboundMessage> echoes = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                switch (change.path("field").asText("")) {
                    case "messages" -> {
                        String phoneNumberId = text(value.path("metadata"), "phone_number_id");
                        value.path("messages").forEach(m -> messages.add(
                            message(phoneNumberId, value.path("contacts"), m, now)));
                        value.path("statuses").forEach(s -> statuses.add(status(phoneNumberId, s,
                            now)));
                        value.path("errors").forEach(e -> errors.add(e.toString()));
                    }
                    case "smb_message_echoes" -> {
                        String phoneNumberId = text(value.path("metadata"), "phone_number_id");
                        value.path("message_echoes").forEach(m -> echoes.add(
                            echo(phoneNumberId, m, now)));
                    }
                    case "message_template_status_update" ->
                        templates.add(template(text(entry, "id"), entry.path("time"), value, now));
                    default -> {
                        // Other subscriptions (quality, account updates…) carry nothing we keep.
                    }
                }
            }
        }
        messages.removeIf(message -> message.wamid() == null);
        statuses.removeIf(status -> status.wamid() == null || status.status() == null);
        echoes.removeIf(echo -> echo.wamid() == null || echo.waId() == null);
        return new ParsedWebhook(messages, statuses, templates, errors, echoes);
    }

    /** An echo: sent from the business phone ({@code from}) to the customer ({@code to}). */
    private static InboundMessage echo(String phoneNumberId, JsonNode m, Instant now) {
        ObjectNode asReceived = m.deepCopy();
        asReceived.put("from", text(m, "to"));
        InboundMessage message = message(phoneNumberId, MissingNode.getInstance(), asReceived,
            now);
        return new InboundMessage(message.phoneNumberId(), text(m, "to"), null, null, null, null,
            message.wamid(), message.timestamp(), message.type(), message.text(),
            message.caption(), message.media(), message.contextWamid(), m.toString());
    }

    private static InboundMessage message(String phoneNumberId, JsonNode contacts, JsonNode m,
                                          Instant now) {
        String from = text(m, "from");
        String fromUserId = text(m, "from_user_id");
        JsonNode contact = contactOf(contacts, from, fromUserId);
        String waId = firstNonNull(text(contact, "wa_id"), from);
        String userId = firstNonNull(text(contact, "user_id"), fromUserId);
        String given = text(m, "type");
        String type = given != null && KNOWN_TYPES.contains(given) ? given : "unsupported";
        JsonNode body = m.path(type);
        InboundMessage.InboundMedia media = MEDIA_TYPES.contains(type) ? new InboundMessage
            .InboundMedia(text(body, "id"), text(body, "mime_type"), text(body, "sha256"),
            text(body, "filename"), text(body, "url")) : null;
        String context = "reaction".equals(type) ? text(body, "message_id")
            : text(m.path("context"), "id");
        return new InboundMessage(phoneNumberId, waId, userId, text(contact, "parent_user_id"),
            text(contact.path("profile"), "name"), text(contact.path("profile"), "username"),
            text(m, "id"), epoch(m.path("timestamp"), now), type, readable(type, body),
            text(body, "caption"), media, context, m.toString());
    }

    /** The part of a message a person reads in a list: body, title, emoji, place… */
    private static String readable(String type, JsonNode body) {
        return switch (type) {
            case "text", "system" -> text(body, "body");
            case "button", "order" -> text(body, "text");
            case "reaction" -> body.path("emoji").asText("");
            case "location" -> firstNonNull(text(body, "name"), text(body, "address"));
            case "contacts" -> text(body.path(0).path("name"), "formatted_name");
            case "interactive" -> interactiveTitle(body);
            default -> null;
        };
    }

    private static String interactiveTitle(JsonNode interactive) {
        String kind = interactive.path("type").asText("");
        JsonNode reply = interactive.path(kind);
        return firstNonNull(text(reply, "title"), text(reply, "body"));
    }

    private static JsonNode contactOf(JsonNode contacts, String from, String fromUserId) {
        for (JsonNode contact : contacts) {
            if (from != null && from.equals(text(contact, "wa_id"))
                || fromUserId != null && fromUserId.equals(text(contact, "user_id"))) {
                return contact;
            }
        }
        return contacts.size() == 1 ? contacts.get(0) : MissingNode.getInstance();
    }

    private static StatusUpdate status(String phoneNumberId, JsonNode s, Instant now) {
        JsonNode error = s.path("errors").path(0);
        Integer code = error.path("code").canConvertToInt() ? error.path("code").asInt() : null;
        String detail = firstNonNull(text(error.path("error_data"), "details"),
            text(error, "message"));
        return new StatusUpdate(phoneNumberId, text(s, "id"), text(s, "status"),
            epoch(s.path("timestamp"), now), text(s, "recipient_id"), code, text(error, "title"),
            detail, text(s, "biz_opaque_callback_data"));
    }

    private static TemplateUpdate template(String wabaId, JsonNode time, JsonNode value,
                                           Instant now) {
        JsonNode id = value.path("message_template_id");
        return new TemplateUpdate(wabaId, epoch(time, now), text(value, "event"),
            id.isMissingNode() || id.isNull() ? null : id.asText(),
            text(value, "message_template_name"), text(value, "message_template_language"),
            text(value, "message_template_category"), text(value, "reason"));
    }

    /** Unix seconds given as a string or a number; {@code fallback} when absent or garbled. */
    static Instant epoch(JsonNode node, Instant fallback) {
        try {
            return node.isNumber() ? Instant.ofEpochSecond(node.asLong())
                : node.isTextual() ? Instant.ofEpochSecond(Long.parseLong(node.asText().trim()))
                : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
