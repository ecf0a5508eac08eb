package com.balcao.app.conversations;

import com.balcao.app.whatsapp.InboundMessage;

/** Where the bot plugs into the message path (see {@link BotBridge#plug}). */
public interface BotHook {
    /** No bot: every new conversation waits in its number's default department. */
    BotHook NONE = new BotHook() {
        @Override
        public boolean takesNewConversations() {
            return false;
        }

        @Override
        public void inbound(long conversationId, long messageId, InboundMessage message) {
        }

        @Override
        public void returned(long conversationId) {
        }
    };

    /** Whether a new conversation starts owned by the bot. */
    boolean takesNewConversations();

    /**
     * A customer's message was recorded and committed (called again when the same message is
     * replayed, so the hook must remember what it answered).
     */
    void inbound(long conversationId, long messageId, InboundMessage message);

    /** A person returned the conversation to the bot ("Devolver ao robô" committed). */
    void returned(long conversationId);
}
