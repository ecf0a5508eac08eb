package com.balcao.app.inbox;

import java.util.List;

/**
 * One message as the chat shows it. {@code kind} is in, out, note or system; the media, place,
 * quote and reaction fields are set only when the message has them; {@code day} labels the
 * first message of a day. Every text here is shown escaped: it may come from the customer.
 */
record TimelineEntry(String id, String kind, String type, String text, String caption,
                     String time, String author, Media media, Place place, Quote quote,
                     List<String> reactions, Ticks ticks, String error, boolean canAnswer,
                     String snippet, String chatId, String day, String conversationStart,
                     boolean earlier) {

    /** The text with WhatsApp's formatting, escaped: safe to put into the page as HTML. */
    public String html() {
        return WhatsAppText.toHtml(text);
    }

    public String captionHtml() {
        return WhatsAppText.toHtml(caption);
    }

    public boolean isNote() {
        return "note".equals(kind);
    }

    public boolean hasReactions() {
        return !reactions.isEmpty();
    }

    /** A file: shown inline when it is an image, sticker, audio or video, else downloaded. */
    record Media(String url, boolean image, boolean audio, boolean video, boolean document,
                 String filename, boolean pending) {
    }

    /** A shared location and a map link for it. */
    record Place(String label, String mapUrl) {
    }

    /** The message this one answers, as a short excerpt. */
    record Quote(String author, String text) {
    }

    /** Our message's delivery state: the symbol, a class for its colour and a tooltip. */
    record Ticks(String symbol, String css, String title) {
    }
}
