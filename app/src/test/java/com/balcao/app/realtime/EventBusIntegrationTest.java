package com.balcao.app.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.Redis;
import com.balcao.app.config.RedisConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

class EventBusIntegrationTest {
    private Redis redis;
    private EventBus bus;

    @BeforeEach
    void connect() {
        RedisConfig config = new RedisConfig();
        config.keyPrefix = "test-bus-" + UUID.randomUUID() + ":";
        redis = new Redis(config);
        bus = new EventBus(redis, new ObjectMapper());
    }

    @AfterEach
    void disconnect() {
        redis.client().del(bus.streamKey());
        redis.stop();
    }

    @Test
    void eventsPublishedTogetherAreKeptAndAnnouncedInTheirOrderUnderTheirOwnIds()
        throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                heard.add(message);
            }
        };
        Thread subscriber = new Thread(() -> redis.client().subscribe(listener, bus.channel()));
        subscriber.start();
        try {
            while (listener.getSubscribedChannels() == 0) {
                Thread.sleep(10);
            }
            List<String> ids = bus.publishAll(List.of(event("primeiro"), event("segundo"),
                event("terceiro")));
            String alone = bus.publish(event("quarto"));

            assertThat(ids).hasSize(3);
            assertThat(List.of(ids.get(0), ids.get(1), ids.get(2), alone))
                .extracting(StreamEntryID::new).isSorted().doesNotHaveDuplicates();
            List<StreamEntry> kept = redis.client().xrange(bus.streamKey(), "-", "+");
            assertThat(kept).extracting(entry -> entry.getID().toString())
                .containsExactly(ids.get(0), ids.get(1), ids.get(2), alone);
            assertThat(kept.get(1).getFields().get("event")).contains("segundo");
            for (String id : List.of(ids.get(0), ids.get(1), ids.get(2), alone)) {
                String message = heard.poll(5, TimeUnit.SECONDS);
                assertThat(message).startsWith(id + " {");
            }
            assertThat(bus.publishAll(List.of())).isEmpty();
        } finally {
            listener.unsubscribe();
            subscriber.join(5000);
        }
    }

    private static Event event(String text) {
        return Event.of(EventType.TYPING, 1L, null, Map.of("text", text));
    }
}
