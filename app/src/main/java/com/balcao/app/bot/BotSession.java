package com.balcao.app.bot;

import java.time.Instant;
import java.util.Map;

/**
 * Where a conversation is in its flow: the version it started on (it finishes on it), the
 * state, how many answers in a row the bot could not place, what was picked so far, when the
 * customer last moved it, and the bot's messages in the current minute (the per-minute cap).
 */
public record BotSession(long versionId, String state, int misses, Map<String, String> vars,
                         Instant lastActivityAt, Instant minuteStart, int sentInMinute) {

    public BotSession {
        vars = vars == null ? Map.of() : Map.copyOf(vars);
    }

    static BotSession start(long versionId, Instant now) {
        return new BotSession(versionId, null, 0, Map.of(), now, now, 0);
    }

    BotSession in(String next) {
        return new BotSession(versionId, next, misses, vars, lastActivityAt, minuteStart,
            sentInMinute);
    }

    BotSession missed(int count) {
        return new BotSession(versionId, state, count, vars, lastActivityAt, minuteStart,
            sentInMinute);
    }

    BotSession with(Map<String, String> more) {
        Map<String, String> merged = new java.util.HashMap<>(vars);
        merged.putAll(more);
        return new BotSession(versionId, state, misses, merged, lastActivityAt, minuteStart,
            sentInMinute);
    }

    BotSession active(Instant now) {
        return new BotSession(versionId, state, misses, vars, now, minuteStart, sentInMinute);
    }

    BotSession counted(Instant minute, int sent) {
        return new BotSession(versionId, state, misses, vars, lastActivityAt, minute, sent);
    }
}
