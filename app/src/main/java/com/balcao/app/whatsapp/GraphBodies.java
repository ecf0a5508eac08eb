package com.balcao.app.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds {@code POST /{phone-number-id}/messages} bodies (CLOUD-API.md §5). */
final class GraphBodies {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GraphBodies() {
    }

    /**
     * The body for one message. A digits-only recipient is a phone number (sent with "+", so
     * Meta never guesses the country); anything else is a business-scoped user id.
     */
    static ObjectNode message(String recipient, Outgoing content, String contextWamid,
                              String callbackData) {
        ObjectNode body = JSON.objectNode().put("messaging_product", "whatsapp")
            .put("recipient_type", "individual");
        if (recipient.chars().allMatch(Character::isDigit)) {
            body.put("to", "+" + recipient);
        } else {
            body.put("recipient", recipient);
        }
        boolean replyable = !(content instanceof Outgoing.Reaction)
            && !(content instanceof Outgoing.Template);
        if (contextWamid != null && replyable) {
            body.putObject("context").put("message_id", contextWamid);
        }
        if (callbackData != null) {
            body.put("biz_opaque_callback_data", callbackData);
        }
        fill(body, content);
        return body;
    }

    static ObjectNode markRead(String wamid) {
        return JSON.objectNode().put("messaging_product", "whatsapp").put("status", "read")
            .put("message_id", wamid);
    }

    private static void fill(ObjectNode body, Outgoing content) {
        if (content instanceof Outgoing.Text text) {
            body.put("type", "text").putObject("text").put("body", text.body())
                .put("preview_url", text.previewUrl());
        } else if (content instanceof Outgoing.Media media) {
            media(body, media);
        } else if (content instanceof Outgoing.Template template) {
            template(body, template);
        } else if (content instanceof Outgoing.Buttons buttons) {
            buttons(body, buttons);
        } else if (content instanceof Outgoing.ListMenu list) {
            list(body, list);
        } else if (content instanceof Outgoing.Reaction reaction) {
            body.put("type", "reaction").putObject("reaction")
                .put("message_id", reaction.targetWamid()).put("emoji", reaction.emoji());
        }
    }

    /** The media object gets its {@code id} from the sender, after the upload, if no link. */
    private static void media(ObjectNode body, Outgoing.Media media) {
        ObjectNode object = body.put("type", media.kind()).putObject(media.kind());
        if (media.link() != null) {
            object.put("link", media.link());
        }
        boolean captioned = !"audio".equals(media.kind()) && !"sticker".equals(media.kind());
        if (media.caption() != null && !media.caption().isBlank() && captioned) {
            object.put("caption", media.caption());
        }
        if ("document".equals(media.kind()) && media.filename() != null) {
            object.put("filename", media.filename());
        }
    }

    private static void template(ObjectNode body, Outgoing.Template template) {
        ObjectNode object = body.put("type", "template").putObject("template")
            .put("name", template.name());
        object.putObject("language").put("code", template.language());
        ArrayNode components = JSON.arrayNode();
        textComponent(components, "header", template.headerParams());
        textComponent(components, "body", template.bodyParams());
        List<String> payloads = template.buttonPayloads() == null ? List.of()
            : template.buttonPayloads();
        for (int i = 0; i < payloads.size(); i++) {
            ObjectNode button = components.addObject().put("type", "button")
                .put("sub_type", "quick_reply").put("index", i);
            button.putArray("parameters").addObject().put("type", "payload")
                .put("payload", payloads.get(i));
        }
        if (!components.isEmpty()) {
            object.set("components", components);
        }
    }

    private static void textComponent(ArrayNode components, String type, List<String> params) {
        if (params == null || params.isEmpty()) {
            return;
        }
        ArrayNode parameters = components.addObject().put("type", type).putArray("parameters");
        params.forEach(param -> parameters.addObject().put("type", "text").put("text", param));
    }

    private static void buttons(ObjectNode body, Outgoing.Buttons buttons) {
        ObjectNode interactive = interactive(body, "button", buttons.header(), buttons.body(),
            buttons.footer());
        ArrayNode list = interactive.putObject("action").putArray("buttons");
        buttons.buttons().forEach(choice -> list.addObject().put("type", "reply")
            .putObject("reply").put("id", choice.id()).put("title", choice.title()));
    }

    private static void list(ObjectNode body, Outgoing.ListMenu menu) {
        ObjectNode interactive = interactive(body, "list", menu.header(), menu.body(),
            menu.footer());
        ObjectNode action = interactive.putObject("action").put("button", menu.button());
        ArrayNode sections = action.putArray("sections");
        for (Outgoing.Section section : menu.sections()) {
            ObjectNode node = sections.addObject();
            if (section.title() != null) {
                node.put("title", section.title());
            }
            ArrayNode rows = node.putArray("rows");
            section.rows().forEach(row -> {
                ObjectNode r = rows.addObject().put("id", row.id()).put("title", row.title());
                if (row.description() != null) {
                    r.put("description", row.description());
                }
            });
        }
    }

    private static ObjectNode interactive(ObjectNode body, String type, String header,
                                          String text, String footer) {
        ObjectNode interactive = body.put("type", "interactive").putObject("interactive")
            .put("type", type);
        if (header != null && !header.isBlank()) {
            interactive.putObject("header").put("type", "text").put("text", header);
        }
        interactive.putObject("body").put("text", text);
        if (footer != null && !footer.isBlank()) {
            interactive.putObject("footer").put("text", footer);
        }
        return interactive;
    }
}
