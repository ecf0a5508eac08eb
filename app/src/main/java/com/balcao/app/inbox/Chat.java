package com.balcao.app.inbox;

import java.util.List;

/**
 * The middle column: who the customer is, who holds the conversation and what this person may
 * do with it, the timeline, and the composer. {@code phoneHeld}: answered from the business
 * phone and not taken by anyone in the panel yet.
 */
record Chat(String id, String contactName, String phone, String department, String assignee,
            boolean open, boolean mine, boolean bot, boolean heldByOther, boolean phoneHeld,
            boolean windowOpen,
            String windowText, boolean canTake, boolean canAct, boolean canReopen,
            boolean canSend, String error, List<TimelineEntry> entries, String olderUrl,
            String refreshUrl, List<InboxList.Option> departments, List<Person> people,
            List<TemplateChoice> templates, Draft draft) {

    /** Someone the conversation can be transferred to, with their presence. */
    record Person(long id, String label) {
    }

    /** An approved template for the picker; {@code value} is name|language. */
    record TemplateChoice(String value, String label) {
    }

    /** The composer's content: kept when sending fails so nothing typed is lost. */
    record Draft(String text, String replyTo, String replySnippet, String error, boolean sign,
                 String key) {

        /** An empty composer; its key makes a double-clicked send go out once. */
        static Draft fresh() {
            return new Draft("", "", "", null, true, com.balcao.app.auth.Tokens.random(16));
        }
    }

    /** Just the newest messages, for the live refresh and for older pages. */
    record Page(String conversationId, List<TimelineEntry> entries, String olderUrl,
                String refreshUrl) {
    }
}
