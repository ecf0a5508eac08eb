package com.balcao.app.bot;

import java.util.List;

/** What the engine asks the app to do, in order. */
public sealed interface BotEffect {

    /** Send a message to the customer. */
    record Send(BotMessage message) implements BotEffect {
    }

    /**
     * Leave the bot: the conversation goes to the department's queue ({@code slug}; null for
     * the number's default), or straight to {@code personId} when given.
     */
    record Route(String slug, Long personId, String reason) implements BotEffect {
    }

    /** Close the conversation. */
    record Close(String reason) implements BotEffect {
    }

    /** Put a label on the conversation. */
    record Label(String name) implements BotEffect {
    }

    /** Store a validated answer in the contact's field. */
    record SaveField(ContactField field, String name, String value) implements BotEffect {
    }

    /**
     * Book the slot the customer picked; the engine then says it is booked
     * ({@link Engine#booked}) or offers the slots again ({@link Engine#taken}).
     */
    record BookSlot(BotAppointments.FreeSlot slot) implements BotEffect {
    }

    /** Let the AI answer the customer from here. */
    record AskAi(String department) implements BotEffect {
    }

    /** A message the bot sends: text, reply buttons or a list. */
    sealed interface BotMessage {
    }

    record Text(String body) implements BotMessage {
    }

    record Media(String kind, String link, String caption) implements BotMessage {
    }

    record Buttons(String body, List<Row> buttons) implements BotMessage {
    }

    record ListMenu(String body, String button, List<Section> sections) implements BotMessage {
    }

    /** A button or list row: its reply id and title (and a description on lists). */
    record Row(String id, String title, String description) {
    }

    record Section(String title, List<Row> rows) {
    }
}
