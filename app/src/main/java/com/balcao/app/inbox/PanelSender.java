package com.balcao.app.inbox;

import com.balcao.app.conversations.SendRequest;
import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.conversations.OutboundService;
import com.balcao.app.conversations.ConversationQueries;
import com.balcao.app.auth.Staff;
import com.balcao.app.catalog.CatalogDao;
import com.balcao.app.catalog.CatalogItem;
import com.balcao.app.catalog.ItemMessage;
import com.balcao.app.replies.QuickReply;
import com.balcao.app.replies.QuickReplyService;
import com.balcao.app.replies.ReplyVariables;
import com.balcao.app.web.AppException;
import com.balcao.app.whatsapp.MediaFiles;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the panel's composer sends: text (signed with the agent's name and department), a file
 * with its caption, a template when the 24-hour window is closed, or a reaction. Only the
 * person holding the conversation writes to the customer.
 */
public final class PanelSender {
    private static final int MAX_SUGGESTIONS = 8;
    private static final int MAX_ITEMS = 30;
    private static final Pattern SHORTCUT = Pattern.compile("/[A-Za-z0-9_-]+");
    private final ConversationQueries queries;
    private final OutboundService outbound;
    private final MediaFiles media;
    private final QuickReplyService replies;
    private final CatalogDao catalog;
    private final String signature;

    PanelSender(ConversationQueries queries, OutboundService outbound, MediaFiles media,
                QuickReplyService replies, CatalogDao catalog, String signature) {
        this.queries = queries;
        this.outbound = outbound;
        this.media = media;
        this.replies = replies;
        this.catalog = catalog;
        this.signature = signature == null ? "" : signature;
    }

    /** A file the agent attached, still unread. */
    record Upload(InputStream in, String filename, String mimeType) {
    }

    void send(Staff staff, String conversationId, String text, String replyTo, boolean sign,
              Upload upload, String key) {
        ConversationRow conversation = holding(staff, conversationId);
        String body = expanded(staff, conversation, text == null ? "" : text.strip());
        String signed = body.isEmpty() || !sign ? body : signed(staff, conversation, body);
        String quote = replyTo == null || replyTo.isBlank() ? null : replyTo;
        if (upload != null) {
            String kind = MediaFiles.kindOf(upload.mimeType()).orElseThrow(() ->
                AppException.unprocessable("media_type_unsupported",
                    "wa_media_type_unsupported"));
            MediaFiles.Stored stored = media.storeUpload(conversation.waNumberId(),
                conversation.id(), staff.id(), upload.in(),
                upload.filename(), upload.mimeType());
            boolean captioned = !"audio".equals(kind) && !"sticker".equals(kind);
            outbound.send(staff, conversationId, SendRequest.media(kind,
                new SendRequest.MediaRef(stored.publicId(), null),
                captioned && !signed.isEmpty() ? signed : null,
                "document".equals(kind) ? stored.filename() : null, quote), key);
            if (!captioned && !signed.isEmpty()) {
                outbound.send(staff, conversationId, SendRequest.text(signed, null),
                    key + "-text");
            }
            return;
        }
        if (body.isEmpty()) {
            throw AppException.unprocessable("missing_text",
                "chat_send_empty");
        }
        outbound.send(staff, conversationId, SendRequest.text(signed, quote), key);
    }

    /** An approved template, chosen as "name|language", with its positional values. */
    void sendTemplate(Staff staff, String conversationId, String template, List<String> values,
                      String key) {
        holding(staff, conversationId);
        String[] parts = template == null ? new String[0] : template.split("\\|", 2);
        if (parts.length != 2) {
            throw AppException.unprocessable("invalid_template",
                "conversation_send_template_missing");
        }
        outbound.send(staff, conversationId, SendRequest.template(new SendRequest.TemplateRef(
            parts[0], parts[1], null,
            values == null ? List.of() : values.stream().map(String::strip).toList(), null)), key);
    }

    /** A catalog item on sale: its picture with name, description and price, or the text. */
    void sendItem(Staff staff, String conversationId, String itemId, String key) {
        holding(staff, conversationId);
        CatalogItem item = catalog.offered().stream()
            .filter(offered -> offered.publicId().equals(itemId)).findFirst()
            .orElseThrow(() -> AppException.unprocessable("catalog_item_unknown",
                "chat_catalog_unknown"));
        ItemMessage message = ItemMessage.of(item);
        outbound.send(staff, conversationId, message.withPicture()
            ? SendRequest.media("image", new SendRequest.MediaRef(null, message.imageLink()),
                message.text(), null, null)
            : SendRequest.text(message.text(), null), key);
    }

    /** Items on sale whose name, description or category has every word typed. */
    List<CatalogItem> items(Staff staff, String conversationId, String typed) {
        queries.find(staff, conversationId);
        List<String> words = typed == null ? List.of() : List.of(fold(typed)
            .split("\\s+")).stream().filter(word -> !word.isBlank()).toList();
        return catalog.offered().stream().filter(item -> {
            String text = fold(item.name() + " " + nullToEmpty(item.description())
                + " " + nullToEmpty(item.category()));
            return words.stream().allMatch(text::contains);
        }).limit(MAX_ITEMS).toList();
    }

    /** Lower case without accents, so "CAPINHA" finds "Capinha" and "cafe" finds "Café". */
    private static String fold(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    void react(Staff staff, String conversationId, String messageId, String emoji) {
        holding(staff, conversationId);
        outbound.send(staff, conversationId,
            SendRequest.reaction(new SendRequest.ReactionRef(messageId, emoji)), null);
    }

    /** Quick replies for what the agent typed ("/pre…"), filled for this conversation. */
    List<Suggestion> suggestions(Staff staff, String conversationId, String typed) {
        if (typed == null || !typed.startsWith("/") || typed.contains(" ")
            || typed.contains("\n")) {
            return List.of();
        }
        ConversationRow conversation = queries.find(staff, conversationId);
        Map<String, String> values = ReplyVariables.of(conversation.contactName(), staff.name(),
            conversation.departmentName());
        return replies.usableBy(staff, typed).stream().limit(MAX_SUGGESTIONS)
            .map(reply -> suggestion(reply, values)).toList();
    }

    /** A quick reply ready to insert. */
    record Suggestion(String shortcut, String body) {
    }

    private static Suggestion suggestion(QuickReply reply, Map<String, String> values) {
        return new Suggestion(reply.shortcut(), ReplyVariables.fill(reply.body(), values));
    }

    /**
     * A bare "/shortcut" that names a quick reply sends that reply (the keyboard may have sent
     * the form before the suggestion was picked): the customer never reads the shortcut.
     */
    private String expanded(Staff staff, ConversationRow conversation, String body) {
        if (!SHORTCUT.matcher(body).matches()) {
            return body;
        }
        String shortcut = body.substring(1).toLowerCase(Locale.ROOT);
        return replies.usableBy(staff, body).stream()
            .filter(reply -> reply.shortcut().equals(shortcut)).findFirst()
            .map(reply -> ReplyVariables.fill(reply.body(), ReplyVariables.of(
                conversation.contactName(), staff.name(), conversation.departmentName())))
            .orElse(body);
    }

    private ConversationRow holding(Staff staff, String conversationId) {
        ConversationRow conversation = queries.find(staff, conversationId);
        conversation.state().requireMaySend(staff);
        return conversation;
    }

    private String signed(Staff staff, ConversationRow conversation, String body) {
        if (signature.isBlank()) {
            return body;
        }
        String format = conversation.departmentName() == null
            ? signature.replace(" - {" + ReplyVariables.DEPARTMENT + "}", "") : signature;
        String prefix = ReplyVariables.fill(format, ReplyVariables.of(conversation.contactName(),
            staff.name(), conversation.departmentName()));
        return prefix + "\n" + body;
    }
}
