package com.balcao.app.realtime;

/** An event as read back from Redis: its stream id, its type and its JSON text. */
record Delivered(String id, Event event, String json) {

    /** Whether this came after the given stream id. */
    boolean isAfter(String other) {
        return other == null || isAfter(id, other);
    }

    /** Whether stream id {@code a} ("1700000000000-0" form) comes after {@code b}. */
    static boolean isAfter(String a, String b) {
        long[] mine = parts(a);
        long[] theirs = parts(b);
        return mine[0] != theirs[0] ? mine[0] > theirs[0] : mine[1] > theirs[1];
    }

    static boolean isStreamId(String value) {
        return value != null && value.matches("\\d{1,19}-\\d{1,19}");
    }

    private static long[] parts(String streamId) {
        int dash = streamId.indexOf('-');
        return new long[] {Long.parseLong(streamId.substring(0, dash)),
            Long.parseLong(streamId.substring(dash + 1))};
    }
}
