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
