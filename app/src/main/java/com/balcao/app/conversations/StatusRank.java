package com.balcao.app.conversations;

import java.util.Map;

/** The order statuses move in; a status never goes back to a lower rank. */
final class StatusRank {
    static final String RECEIVED = "received";
    static final String QUEUED = "queued";
    static final String FAILED = "failed";
    /** Notes and system messages: kept in the timeline, never sent. */
    static final String RECORDED = "recorded";
    private static final Map<String, Integer> RANKS = Map.of("queued", 0, "received", 0,
        "accepted", 1, "sent", 2, "failed", 2, "delivered", 3, "read", 4, "played", 5);

    private StatusRank() {
    }

    /** The rank of a status Meta reports, or -1 for one we do not know. */
    static int of(String status) {
        return RANKS.getOrDefault(status, -1);
    }
}
