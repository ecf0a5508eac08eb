package com.balcao.app.conversations;

import java.util.List;

/**
 * The body of {@code POST /api/v1/conversations/{id}/messages}. {@code type} picks which of
 * the other fields count: {@code text} (+ {@code previewUrl}); a media kind with
 * {@code media} (an uploaded {@code id} or an HTTPS {@code link}), {@code caption},
 * {@code filename}; {@code template}; {@code interactive}; {@code reaction}. {@code replyTo}
 * quotes a message of the conversation.
 */
public record SendRequest(String type, String text, Boolean previewUrl, MediaRef media,
                          String caption, String filename, TemplateRef template,
                          Interactive interactive, ReactionRef reaction, String replyTo) {

    /** Text, optionally quoting {@code replyTo} (a message id of the conversation). */
    public static SendRequest text(String text, String replyTo) {
        return new SendRequest("text", text, null, null, null, null, null, null, null, replyTo);
    }

    /** A file of {@code kind} (image, document…); {@code filename} counts for documents. */
    public static SendRequest media(String kind, MediaRef media, String caption,
                                    String filename, String replyTo) {
        return new SendRequest(kind, null, null, media, caption, filename, null, null, null,
            replyTo);
    }

    public static SendRequest template(TemplateRef template) {
        return new SendRequest("template", null, null, null, null, null, template, null, null,
            null);
    }

    public static SendRequest interactive(Interactive interactive) {
        return new SendRequest("interactive", null, null, null, null, null, null, interactive,
            null, null);
    }

    public static SendRequest reaction(ReactionRef reaction) {
        return new SendRequest("reaction", null, null, null, null, null, null, null, reaction,
            null);
    }

    /** Our uploaded file or a public HTTPS link. */
    public record MediaRef(String id, String link) {
    }

    /** An approved template and its positional variables. */
    public record TemplateRef(String name, String language, List<String> headerParams,
                              List<String> bodyParams, List<String> buttonPayloads) {
    }

    /** Reply buttons ({@code type} "button") or a list menu ({@code type} "list"). */
    public record Interactive(String type, String header, String body, String footer,
                              String button, List<Option> buttons, List<Section> sections) {
    }

    /** A button or a list row. */
    public record Option(String id, String title, String description) {
    }

    /** A titled group of list rows. */
    public record Section(String title, List<Option> rows) {
    }

    /** An emoji on a message of the conversation; empty takes our reaction away. */
    public record ReactionRef(String messageId, String emoji) {
    }
}
