package com.balcao.app.inbox;

import com.balcao.app.conversations.ConversationRow;
import com.balcao.app.conversations.Cursor;
import com.balcao.app.conversations.ConversationActions;
import com.balcao.app.conversations.ConversationQueries;
import com.balcao.app.auth.Staff;
import com.balcao.app.web.Page;
import com.balcao.app.whatsapp.Templates;
import java.time.Clock;
import java.util.Optional;

/** What the inbox pages are made of, for one person: list, chat, timeline, templates. */
public final class InboxPages {
    private final ConversationQueries queries;
    private final InboxLists lists;
    private final Chats chats;
    private final ConversationActions actions;
    private final Templates templates;
    private final Clock clock;

    InboxPages(ConversationQueries queries, InboxLists lists, Chats chats,
               ConversationActions actions, Templates templates, Clock clock) {
        this.queries = queries;
        this.lists = lists;
        this.chats = chats;
        this.actions = actions;
        this.templates = templates;
        this.clock = clock;
    }

    int waitingInQueue(Staff staff) {
        return lists.queueCount(staff);
    }

    InboxList list(Staff staff, Page page, InboxFilter filter) {
        return lists.list(staff, filter, page.messages(), clock.instant());
    }

    /** The chat of a conversation being opened; the holder reading it sends read receipts. */
    Optional<Chat> openChat(Staff staff, Page page, String id) {
        return queries.findVisible(staff, id).map(row -> {
            actions.markRead(staff, row);
            return chats.chat(staff, row, page.messages(), Chat.Draft.fresh(), null, true);
        });
    }

    /** Whether the person still sees the conversation, e.g. after transferring it away. */
    boolean visible(Staff staff, String id) {
        return queries.findVisible(staff, id).isPresent();
    }

    /** The chat's header and composer state, without its messages. */
    Chat chat(Staff staff, Page page, String id, String error) {
        return chat(staff, page, id, error, Chat.Draft.fresh());
    }

    Chat chat(Staff staff, Page page, String id, String error, Chat.Draft draft) {
        return chats.chat(staff, queries.find(staff, id), page.messages(), draft, error, false);
    }

    /** The newest messages; arriving ones count as read when their holder is looking. */
    Chat.Page recent(Staff staff, Page page, String id, Cursor since) {
        ConversationRow row = queries.find(staff, id);
        actions.markRead(staff, row);
        return chats.recent(row, chats.history(staff, row), since, page.messages());
    }

    Chat.Page older(Staff staff, Page page, String id, Cursor before) {
        ConversationRow row = queries.find(staff, id);
        return chats.older(row, chats.history(staff, row), before, page.messages());
    }

    Optional<Templates.Info> template(Staff staff, String id, String value) {
        ConversationRow row = queries.find(staff, id);
        String[] parts = value == null ? new String[0] : value.split("\\|", 2);
        return parts.length != 2 ? Optional.empty()
            : templates.find(row.waNumberId(), parts[0], parts[1]).filter(Templates.Info::approved);
    }

    /**
     * What decides the composer's form: open or not, held by this person or not, window open
     * or not. The page sends it back so a refresh that changes nothing keeps what is typed.
     */
    static String composerState(Chat chat) {
        return (chat.open() ? "open" : "closed") + "-" + (chat.canSend() ? "send" : "read")
            + "-" + (chat.windowOpen() ? "window" : "template") + "-"
            + (chat.canTake() ? "take" : "held");
    }

    static Long optionalId(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
