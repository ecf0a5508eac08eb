package com.balcao.app.whatsapp;

import java.util.List;

/** What we can send to a customer; the outbox turns each into a Graph API message body. */
public sealed interface Outgoing {

    /** Plain text; {@code previewUrl} asks WhatsApp to preview the first link. */
    record Text(String body, boolean previewUrl) implements Outgoing {
    }

    /**
     * An image, audio, video, document or sticker: either our uploaded file ({@code mediaId},
     * uploaded to Meta by the sender) or an HTTPS {@code link} Meta fetches itself.
     */
    record Media(String kind, Long mediaId, String link, String caption, String filename)
        implements Outgoing {
    }

    /** An approved template with its positional variables. */
    record Template(String name, String language, List<String> headerParams,
                    List<String> bodyParams, List<String> buttonPayloads) implements Outgoing {
    }

    /** Up to three reply buttons. */
    record Buttons(String header, String body, String footer, List<Choice> buttons)
        implements Outgoing {
    }

    /** A list menu: a button that opens sections of rows. */
    record ListMenu(String header, String body, String footer, String button,
                    List<Section> sections) implements Outgoing {
    }

    /** An emoji on a customer's message; an empty emoji takes ours away. */
    record Reaction(String targetWamid, String emoji) implements Outgoing {
    }

    /** A button or a list row. */
    record Choice(String id, String title, String description) {
    }

    /** A titled group of list rows. */
    record Section(String title, List<Choice> rows) {
    }
}
