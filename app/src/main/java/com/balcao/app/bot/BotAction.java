package com.balcao.app.bot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a flow does on entering a state or on a choice. Text fields name a CMS text of the
 * flow ({@link Flow#texts()}), whose {variables} are filled when sent.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = BotAction.Say.class, name = "text"),
    @JsonSubTypes.Type(value = BotAction.Media.class, name = "media"),
    @JsonSubTypes.Type(value = BotAction.Goto.class, name = "goto"),
    @JsonSubTypes.Type(value = BotAction.Route.class, name = "route"),
    @JsonSubTypes.Type(value = BotAction.HandOver.class, name = "handover"),
    @JsonSubTypes.Type(value = BotAction.Label.class, name = "label"),
    @JsonSubTypes.Type(value = BotAction.Slots.class, name = "slots"),
    @JsonSubTypes.Type(value = BotAction.Ai.class, name = "ai"),
    @JsonSubTypes.Type(value = BotAction.End.class, name = "end")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface BotAction {

    /** Sends the text {@code text} (a key of the flow's texts). */
    record Say(String text) implements BotAction {
    }

    /** Sends a picture, video, audio or document from an HTTPS link, with a caption key. */
    record Media(String kind, String link, String caption) implements BotAction {
    }

    /** Moves to another state (and runs what it says). */
    record Goto(String state) implements BotAction {
    }

    /**
     * Puts the conversation in a department's queue (its slug; "{picked}" for the department
     * the customer chose, "{returning}" for the one that served them last); the bot is done.
     */
    record Route(String department) implements BotAction {
    }

    /** Hands over to people: the department given, or the flow's default one. */
    record HandOver(String department) implements BotAction {
    }

    /** Puts a label on the conversation. */
    record Label(String label) implements BotAction {
    }

    /** Offers the next free appointment slots of a department (the appointments feature). */
    record Slots(String department) implements BotAction {
    }

    /** Lets the AI answer from here (the AI feature decides; without it, a hand-over). */
    record Ai(String department) implements BotAction {
    }

    /** Closes the conversation, saying {@code text} first when given. */
    record End(String text) implements BotAction {
    }
}
