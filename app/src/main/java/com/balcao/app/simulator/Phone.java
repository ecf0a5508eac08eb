package com.balcao.app.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The customers' phones: each customer's chat as they see it (what they typed, what the
 * business sent them, with ticks), and the webhook messages their typing produces.
 */
final class Phone {
    private static final int KEEP = 500;
    private final Clock clock;
    private final Map<String, Deque<Entry>> chats = new ConcurrentHashMap<>();
    private final Map<String, Entry> byWamid = new ConcurrentHashMap<>();

    Phone(Clock clock) {
        this.clock = clock;
    }

    /** One bubble of a chat; {@code buttons} are the choices (buttons or list rows). */
    static final class Entry {
        public final String id;
        public final String side;
        public final String type;
        public final String text;
        public final List<String[]> buttons;
        public final Instant at;
        public volatile String status;

        Entry(String id, String side, String type, String text, List<String[]> buttons,
              Instant at, String status) {
            this.id = id;
            this.side = side;
            this.type = type;
            this.text = text;
            this.buttons = buttons;
            this.at = at;
            this.status = status;
        }
    }

    List<Entry> chat(String customer) {
        return new ArrayList<>(chats.getOrDefault(customer, new ConcurrentLinkedDeque<>()));
    }

    /**
     * The webhook message for something the customer did: typed {@code text}, or tapped the
     * button {@code buttonId} of our message {@code contextId}, or sent a picture.
     */
    ObjectNode typed(ObjectNode value, String customer, String name, String text,
                     String buttonId, String contextId, String imageId) {
        String wamid = "wamid.SIMIN" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        value.putArray("contacts").addObject().put("wa_id", customer).putObject("profile")
            .put("name", name);
        ObjectNode message = value.putArray("messages").addObject().put("from", customer)
            .put("id", wamid).put("timestamp", Long.toString(clock.instant().getEpochSecond()));
        String type;
        if (buttonId != null) {
            type = "interactive";
            message.putObject("context").put("id", contextId);
            message.put("type", type).putObject("interactive").put("type", "button_reply")
                .putObject("button_reply").put("id", buttonId).put("title", text);
        } else if (imageId != null) {
            type = "image";
            ObjectNode image = message.put("type", type).putObject("image").put("id", imageId)
                .put("mime_type", "image/png").put("sha256", SampleMedia.SHA256);
            if (text != null && !text.isBlank()) {
                image.put("caption", text);
            }
        } else {
            type = "text";
            message.put("type", type).putObject("text").put("body", text);
        }
        add(customer, new Entry(wamid, "customer", type, text, List.of(), clock.instant(), ""));
        return value;
    }

    /** Something the business sent to this customer through the fake Graph API. */
    void received(String customer, String wamid, JsonNode body) {
        String type = body.path("type").asText("text");
        JsonNode content = body.path(type);
        String text = switch (type) {
            case "text" -> content.path("body").asText();
            case "template" -> "[" + content.path("name").asText() + "] "
                + content.path("components").findValuesAsText("text");
            case "interactive" -> content.path("body").path("text").asText();
            case "reaction" -> content.path("emoji").asText();
            default -> "[" + type + "] " + content.path("caption").asText("");
        };
        List<String[]> buttons = new ArrayList<>();
        content.path("action").path("buttons").forEach(button -> buttons.add(new String[] {
            button.path("reply").path("id").asText(),
            button.path("reply").path("title").asText()}));
        content.path("action").path("sections").forEach(section -> section.path("rows")
            .forEach(row -> buttons.add(new String[] {row.path("id").asText(),
                row.path("title").asText()})));
        add(customer, new Entry(wamid, "business", type, text, buttons, clock.instant(),
            "accepted"));
    }

    void status(String wamid, String status) {
        Entry entry = byWamid.get(wamid);
        if (entry != null) {
            entry.status = status;
        }
    }

    private void add(String customer, Entry entry) {
        Deque<Entry> chat = chats.computeIfAbsent(customer, key -> new ConcurrentLinkedDeque<>());
        chat.addLast(entry);
        byWamid.put(entry.id, entry);
        while (chat.size() > KEEP) {
            Entry dropped = chat.pollFirst();
            if (dropped != null) {
                byWamid.remove(dropped.id);
            }
        }
    }
}
