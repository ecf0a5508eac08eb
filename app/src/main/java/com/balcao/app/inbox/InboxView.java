package com.balcao.app.inbox;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;

/**
 * The inbox page and its fragments (list, chat, timeline pages, composer helpers): each
 * template reads the parts it needs.
 */
final class InboxView extends PageView {
    private static final List<String> EMOJI = List.of("😀", "😁", "😂", "😊", "😍", "😉", "😎",
        "🤔", "😅", "😢", "😮", "🙏", "👍", "👎", "👏", "👋", "🙌", "💪", "❤️", "💚", "🔥", "✅",
        "❌", "⚠️", "⭐", "🎉", "📦", "🚚", "💳", "💰", "📅", "⏰", "📍", "📞", "📄", "🔧", "📱",
        "💅", "⚖️", "🚗");
    private InboxList list;
    private Chat chat;
    private Chat.Page timeline;
    private List<PanelSender.Suggestion> suggestions = List.of();
    private List<Integer> templateParams = List.of();
    private String templateBody;
    private int badge;

    InboxView(Page page, String template) {
        super(template, page, "inbox_title", "inbox");
    }

    InboxView badge(int waiting) {
        this.badge = waiting;
        return this;
    }

    /** The queue counter, or null when nobody waits (nothing shown). */
    public Integer getBadge() {
        return badge > 0 ? badge : null;
    }

    InboxView list(InboxList value) {
        this.list = value;
        return this;
    }

    InboxView chat(Chat value) {
        this.chat = value;
        return this;
    }

    InboxView timeline(Chat.Page value) {
        this.timeline = value;
        return this;
    }

    InboxView suggestions(List<PanelSender.Suggestion> value) {
        this.suggestions = value;
        return this;
    }

    InboxView templateFields(String body, int count) {
        this.templateBody = body;
        this.templateParams = java.util.stream.IntStream.rangeClosed(1, count).boxed().toList();
        return this;
    }

    public InboxList getList() {
        return list;
    }

    public Chat getChat() {
        return chat;
    }

    public Chat.Page getTimeline() {
        return timeline;
    }

    public List<PanelSender.Suggestion> getSuggestions() {
        return suggestions;
    }

    public List<Integer> getTemplateParams() {
        return templateParams;
    }

    public String getTemplateBody() {
        return templateBody;
    }

    public List<String> getEmoji() {
        return EMOJI;
    }

    public String getComposerState() {
        return chat == null ? "" : InboxPages.composerState(chat);
    }

    @Override
    public boolean isWide() {
        return true;
    }

}
