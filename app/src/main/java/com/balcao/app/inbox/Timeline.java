package com.balcao.app.inbox;

import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.conversations.Direction;
import com.balcao.app.conversations.MessageStatus;
import com.balcao.app.conversations.MessageRow;
import com.balcao.app.web.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns stored messages into what the chat shows: reactions gathered onto the messages they
 * react to, replies with their quoted message, system messages in the reader's language,
 * delivery ticks, and media by kind.
 */
final class Timeline {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int SNIPPET = 120;
    private final Messages texts;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final Instant now;

    Timeline(Messages texts, ObjectMapper json, ZoneId zone, Instant now) {
        this.texts = texts;
        this.json = json;
        this.zone = zone;
        this.now = now;
    }

    /**
     * The entries of messages given oldest first. {@code quoted} finds a message outside the
     * window by its WhatsApp id; {@code names} the staff who wrote.
     */
    List<TimelineEntry> entries(ConversationRow open, List<MessageRow> rows,
                                Function<String, MessageRow> quoted, Map<Long, String> names,
                                MessageRow earlier) {
        String conversationId = open.publicId();
        Map<String, Map<String, String>> reactions = new HashMap<>();
        Map<String, MessageRow> byWamid = new HashMap<>();
        for (MessageRow row : rows) {
            if ("reaction".equals(row.type())) {
                if (row.contextWaId() != null) {
                    reactions.computeIfAbsent(row.contextWaId(), key -> new LinkedHashMap<>())
                        .put(row.direction().word(), row.body() == null ? "" : row.body());
                }
            } else if (row.waMessageId() != null) {
                byWamid.put(row.waMessageId(), row);
            }
        }
        List<TimelineEntry> entries = new ArrayList<>();
        LocalDate shownDay = earlier == null ? null
            : LocalDate.ofInstant(earlier.sentAt(), zone);
        Long shownConversation = earlier == null ? null : earlier.conversationId();
        for (MessageRow row : rows) {
            if ("reaction".equals(row.type())) {
                continue;
            }
            // Each conversation of the history starts under a line saying when it began.
            boolean starts = shownConversation == null ? row.conversationId() != open.id()
                : row.conversationId() != shownConversation;
            String startLabel = starts ? texts.get(row.conversationId() == open.id()
                ? "chat_history_this" : "chat_history_earlier", dayLabel(LocalDate.ofInstant(
                    row.sentAt(), zone)) + " " + TIME.format(row.sentAt().atZone(zone))) : null;
            shownConversation = row.conversationId();
            LocalDate day = LocalDate.ofInstant(row.sentAt(), zone);
            String dayLabel = day.equals(shownDay) ? null : dayLabel(day);
            shownDay = day;
            List<String> emoji = row.waMessageId() == null ? List.of()
                : reactions.getOrDefault(row.waMessageId(), Map.of()).values().stream()
                    .filter(value -> !value.isEmpty()).toList();
            MessageRow target = row.contextWaId() == null ? null
                : byWamid.computeIfAbsent(row.contextWaId(), quoted);
            entries.add(entry(conversationId, row, emoji, target, names, dayLabel, startLabel,
                row.conversationId() != open.id()));
        }
        return entries;
    }

    private TimelineEntry entry(String conversationId, MessageRow row, List<String> reactions,
                                MessageRow quoted, Map<Long, String> names, String day,
                                String conversationStart, boolean earlier) {
        String kind = switch (row.direction()) {
            case INBOUND -> "in";
            case OUTBOUND -> "out";
            default -> row.direction().word();
        };
        String text = text(row);
        boolean answerable = row.waMessageId() != null && ("in".equals(kind) || "out".equals(kind));
        return new TimelineEntry(row.publicId(), kind, row.type(), text, row.caption(),
            time(row.sentAt()), author(row, kind, names),
            media(conversationId, row), place(row), quote(quoted), reactions,
            "out".equals(kind) ? ticks(row.status()) : null, error(row), answerable,
            snippet(text != null ? text : row.caption()), conversationId, day,
            conversationStart, earlier);
    }

    /** The bot's and the business phone's messages say so; an agent's name its author. */
    private String author(MessageRow row, String kind, Map<Long, String> names) {
        if (row.senderKind() != null) {
            return texts.get("chat_author_" + row.senderKind());
        }
        return row.senderUserId() == null || row.direction() == Direction.SYSTEM ? null
            : names.get(row.senderUserId());
    }

    private String text(MessageRow row) {
        if (row.direction() == Direction.SYSTEM) {
            return texts.get(row.body(), args(row.payload()));
        }
        if (row.body() != null && !row.body().isEmpty()) {
            return row.body();
        }
        return switch (row.type()) {
            case "image", "audio", "video", "document", "sticker", "location" -> null;
            default -> texts.get("chat_type_" + row.type().replaceAll("[^a-z_]", ""));
        };
    }

    private Object[] args(String payload) {
        JsonNode node = parse(payload).path("args");
        List<String> args = new ArrayList<>();
        node.forEach(arg -> args.add(arg.asText()));
        return args.toArray();
    }

    private static TimelineEntry.Media media(String conversationId, MessageRow row) {
        if (row.mediaId() == null) {
            return null;
        }
        boolean stored = "STORED".equals(row.mediaState());
        String url = stored ? "/conversations/" + conversationId + "/messages/" + row.publicId()
            + "/media" : null;
        String mime = row.mediaMimeType() == null ? "" : row.mediaMimeType();
        boolean image = mime.equals("image/jpeg") || mime.equals("image/png")
            || mime.equals("image/webp");
        boolean audio = mime.startsWith("audio/");
        boolean video = mime.startsWith("video/");
        return new TimelineEntry.Media(url, stored && image, stored && audio, stored && video,
            stored && !image && !audio && !video,
            row.mediaFilename() == null ? row.type() : row.mediaFilename(), !stored);
    }

    /** Only numbers reach the map link: a hostile payload cannot inject anything into it. */
    private TimelineEntry.Place place(MessageRow row) {
        if (!"location".equals(row.type()) || row.direction() != Direction.INBOUND) {
            return null;
        }
        JsonNode location = parse(row.payload()).path("location");
        if (!location.path("latitude").isNumber() || !location.path("longitude").isNumber()) {
            return null;
        }
        String coordinates = String.format(Locale.ROOT, "%.6f,%.6f",
            location.path("latitude").asDouble(), location.path("longitude").asDouble());
        String label = row.body() != null ? row.body() : coordinates;
        return new TimelineEntry.Place(label,
            "https://www.google.com/maps/search/?api=1&query=" + coordinates);
    }

    private TimelineEntry.Quote quote(MessageRow quoted) {
        if (quoted == null) {
            return null;
        }
        String author = quoted.direction() == Direction.INBOUND ? texts.get("chat_customer")
            : texts.get("chat_you");
        String text = text(quoted);
        return new TimelineEntry.Quote(author, snippet(text != null ? text
            : quoted.caption() != null ? quoted.caption() : texts.get("chat_type_media")));
    }

    private TimelineEntry.Ticks ticks(MessageStatus status) {
        String symbol = switch (status) {
            case QUEUED -> "🕓";
            case ACCEPTED, SENT -> "✓";
            case DELIVERED, READ, PLAYED -> "✓✓";
            case FAILED -> "⚠";
            default -> "";
        };
        return new TimelineEntry.Ticks(symbol, status.word(),
            texts.get("chat_status_" + status.word()));
    }

    private String error(MessageRow row) {
        if (row.status() != MessageStatus.FAILED) {
            return null;
        }
        String key = row.errorCode() == null ? null : "wa_error_" + row.errorCode();
        return key != null && texts.all().containsKey(key) ? texts.get(key)
            : texts.get("wa_error_generic", row.errorTitle() == null ? "" : row.errorTitle());
    }

    /** "Hoje", "Ontem" or the date, above the first message of each day. */
    private String dayLabel(LocalDate day) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (day.equals(today)) {
            return texts.get("chat_today");
        }
        return day.equals(today.minusDays(1)) ? texts.get("chat_yesterday")
            : DAY.format(day);
    }

    private String time(Instant at) {
        var local = at.atZone(zone);
        return local.toLocalDate().equals(LocalDate.ofInstant(now, zone)) ? TIME.format(local)
            : DAY_TIME.format(local);
    }

    static String snippet(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
    }

    private JsonNode parse(String payload) {
        try {
            return payload == null ? json.missingNode() : json.readTree(payload);
        } catch (IOException e) {
            return json.missingNode();
        }
    }
}
