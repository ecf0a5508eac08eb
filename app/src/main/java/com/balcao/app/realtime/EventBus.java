package com.balcao.app.realtime;

import com.balcao.app.config.Redis;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/**
 * Publishes events to every app replica: appended to a capped Redis stream (so a reconnecting
 * browser can replay what it missed, by stream id) and announced on a pub/sub channel.
 */
public final class EventBus {
    static final int STREAM_LENGTH = 10_000;
    private final Redis redis;
    private final ObjectMapper json;

    public EventBus(Redis redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    String streamKey() {
        return redis.key("events");
    }

    String channel() {
        return redis.key("events:live");
    }

    /** Publishes an event and returns its id (the Redis stream id). */
    public String publish(Event event) {
        String body = serialise(event);
        StreamEntryID id = redis.client().xadd(streamKey(),
            XAddParams.xAddParams().maxLen(STREAM_LENGTH).approximateTrimming(),
            Map.of("event", body));
        redis.client().publish(channel(), id + " " + body);
        return id.toString();
    }

    private String serialise(Event event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be written as JSON", e);
        }
    }
}
