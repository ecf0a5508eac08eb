package com.balcao.app.bot;

import com.balcao.app.conversations.BotBridge;

/**
 * Where the AI feature plugs in: a flow's "ai" action hands the conversation to it. Without
 * an AI the conversation goes to the department's queue, as a hand-over would.
 */
public interface BotAi {
    /** No AI configured. */
    BotAi NONE = (conversation, moves, department) -> false;

    /**
     * Takes the conversation from the bot; false when the AI cannot (off, over its limits),
     * and the bot then hands over to people.
     */
    boolean take(BotBridge.Held conversation, BotBridge.Moves moves, String department);
}
