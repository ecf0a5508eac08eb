package com.balcao.app.realtime;

import com.balcao.app.config.Redis;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes events to every app replica: appended to a capped Redis stream (so a reconnecting
 * browser can replay what it missed, by stream id) and announced on a pub/sub channel. Both
 * happen in one script, one round trip to Redis for any number of events, each announced
 * with the id the stream gave it.
 */
public final class EventBus {
    static final int STREAM_LENGTH = 10_000;
    private static final String APPEND_AND_ANNOUNCE = """
        local ids = {}
        for i = 3, #ARGV do
          local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'event', ARGV[i])
          redis.call('PUBLISH', ARGV[1], id .. ' ' .. ARGV[i])
          ids[#ids + 1] = id
        end
        return ids
        """;
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
        return publishAll(List.of(event)).get(0);
    }

    /** Publishes events in their order and returns their ids; nothing to do for none. */
    public List<String> publishAll(List<Event> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(events.size() + 2);
        args.add(channel());
        args.add(Integer.toString(STREAM_LENGTH));
        for (Event event : events) {
            args.add(serialise(event));
        }
        Object ids = redis.client().eval(APPEND_AND_ANNOUNCE, List.of(streamKey()), args);
        List<String> published = new ArrayList<>(events.size());
        for (Object id : (List<?>) ids) {
            published.add(id instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : id.toString());
        }
        return published;
    }

    private String serialise(Event event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be written as JSON", e);
        }
    }
}
