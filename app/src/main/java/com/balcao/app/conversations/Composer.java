package com.balcao.app.conversations;

import com.balcao.app.web.AppException;
import com.balcao.app.whatsapp.MediaFiles;
import com.balcao.app.whatsapp.Outgoing;
import com.balcao.app.whatsapp.Templates;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an agent's send request against WhatsApp's rules (lengths, counts, media types,
 * approved templates) and turns it into what the outbox sends and what the conversation shows.
 * Every refusal is a 422 with a code and a sentence saying what to fix.
 */
final class Composer {
    static final Set<String> MEDIA = Set.of("image", "audio", "video", "document", "sticker");
    private final MediaFiles media;
    private final Templates templates;

    Composer(MediaFiles media, Templates templates) {
        this.media = media;
        this.templates = templates;
    }

    /** The outgoing content plus what the timeline stores of it. */
    record Composed(Outgoing outgoing, String type, String text, String caption, Long mediaId) {

        boolean template() {
            return outgoing instanceof Outgoing.Template;
        }
    }

    Composed compose(SendRequest request, ConversationRow conversation, MessageDao messages,
                     long senderId) {
        String type = request.type() == null ? "" : request.type();
        if ("text".equals(type)) {
            String text = required(request.text(), 4096, "text");
            return new Composed(new Outgoing.Text(text, Boolean.TRUE.equals(request.previewUrl())),
                type, text, null, null);
        }
        if (MEDIA.contains(type)) {
            return media(type, request, conversation, senderId);
        }
        if ("template".equals(type)) {
            return template(request.template(), conversation);
        }
        if ("interactive".equals(type)) {
            return Interactives.compose(request.interactive());
        }
        if ("reaction".equals(type)) {
            return reaction(request.reaction(), conversation, messages);
        }
        throw AppException.unprocessable("invalid_type", "conversation_send_invalid_type");
    }

    private Composed media(String type, SendRequest request, ConversationRow conversation,
                           long senderId) {
        SendRequest.MediaRef ref = request.media();
        String caption = optional(request.caption(), 1024, "caption");
        if (ref == null || (ref.id() == null) == (ref.link() == null)) {
            throw AppException.unprocessable("invalid_media", "conversation_send_media_ref");
        }
        if (ref.link() != null) {
            if (!ref.link().startsWith("https://") || ref.link().length() > 2000) {
                throw AppException.unprocessable("invalid_media", "conversation_send_media_link");
            }
            return new Composed(new Outgoing.Media(type, null, ref.link(), caption,
                request.filename()), type, null, caption, null);
        }
        MediaFiles.Stored stored = media.findUpload(ref.id(), conversation.id(), senderId)
            .filter(file -> "STORED".equals(file.state()))
            .orElseThrow(() -> AppException.unprocessable("invalid_media", "conversation_send_media_unknown"));
        if (!kindMatches(type, stored.mimeType())) {
            throw AppException.unprocessable("invalid_media", "conversation_send_media_kind", type);
        }
        String filename = request.filename() != null ? request.filename() : stored.filename();
        return new Composed(new Outgoing.Media(type, stored.id(), null, caption, filename), type,
            null, caption, stored.id());
    }

    private static boolean kindMatches(String type, String mime) {
        String bare = mime == null ? "" : mime;
        return switch (type) {
            case "image" -> bare.equals("image/jpeg") || bare.equals("image/png");
            case "sticker" -> bare.equals("image/webp");
            case "audio", "video" -> bare.startsWith(type + "/");
            default -> true;
        };
    }

    private Composed template(SendRequest.TemplateRef ref, ConversationRow conversation) {
        if (ref == null) {
            throw AppException.unprocessable("invalid_template", "conversation_send_template_missing");
        }
        String name = required(ref.name(), 512, "template.name");
        String language = required(ref.language(), 16, "template.language");
        Templates.Info info = templates.find(conversation.waNumberId(), name, language)
            .filter(Templates.Info::approved)
            .orElseThrow(() -> AppException.unprocessable("template_not_approved",
                "conversation_send_template_not_approved", name, language));
        List<String> body = ref.bodyParams() == null ? List.of() : ref.bodyParams();
        if (body.size() != info.parameterCount()) {
            throw AppException.unprocessable("template_parameters", "conversation_send_template_parameters",
                info.parameterCount(), body.size());
        }
        body.forEach(value -> required(value, 1024, "template.bodyParams"));
        return new Composed(new Outgoing.Template(name, language, ref.headerParams(), body,
            ref.buttonPayloads()), "template", info.render(body), null, null);
    }

    private Composed reaction(SendRequest.ReactionRef ref, ConversationRow conversation,
                              MessageDao messages) {
        if (ref == null || ref.messageId() == null) {
            throw AppException.unprocessable("invalid_reaction", "conversation_send_reaction_target");
        }
        String emoji = ref.emoji() == null ? "" : ref.emoji();
        if (emoji.codePointCount(0, emoji.length()) > 8) {
            throw AppException.unprocessable("invalid_reaction", "conversation_send_reaction_emoji");
        }
        String wamid = messages.findInConversation(conversation.id(), ref.messageId())
            .map(MessageRow::waMessageId)
            .orElseThrow(() -> AppException.unprocessable("invalid_reaction", "conversation_send_reaction_target"));
        return new Composed(new Outgoing.Reaction(wamid, emoji), "reaction", emoji, null, null);
    }

    static String required(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            throw AppException.unprocessable("missing_field", "conversation_send_missing", field);
        }
        return optional(value, max, field);
    }

    static String optional(String value, int max, String field) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw AppException.unprocessable("too_long", "conversation_send_too_long", field, max);
        }
        return value;
    }

    static void unique(List<SendRequest.Option> options, String field) {
        Set<String> ids = new HashSet<>();
        for (SendRequest.Option option : options) {
            if (!ids.add(required(option.id(), 200, field + ".id"))) {
                throw AppException.unprocessable("duplicate_option", "conversation_send_duplicate_option", field);
            }
        }
    }
}
