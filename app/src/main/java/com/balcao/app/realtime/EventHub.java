package com.balcao.app.realtime;

import com.balcao.app.auth.Staff;
import com.balcao.app.config.Redis;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.lifecycle.Managed;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Fans events out to this replica's open streams. One thread listens on the Redis channel
 * (every replica has its own), a scheduler sends heartbeats, and a stream that reconnects
 * with {@code Last-Event-ID} is first replayed from the capped Redis stream.
 */
public final class EventHub implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int MAX_REPLAY = 2000;

    private final Redis redis;
    private final EventBus bus;
    private final Presence presence;
    private final ObjectMapper json;
    private final int heartbeatSeconds;
    private final List<SseConnection> connections = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeats =
        Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "sse-heartbeat"));
    private final Subscriber subscriber = new Subscriber();
    private volatile boolean running;
    private Thread listener;

    public EventHub(Redis redis, EventBus bus, Presence presence, ObjectMapper json,
                    int heartbeatSeconds) {
        this.heartbeatSeconds = heartbeatSeconds;
        this.redis = redis;
        this.bus = bus;
        this.presence = presence;
        this.json = json;
    }

    /**
     * Opens a stream for a person; replays what came after {@code lastEventId}, if given.
     * {@code stillSignedIn} re-checks the caller's credentials on each heartbeat.
     */
    public void connect(Staff staff, SseEventSink sink, Sse sse, String lastEventId,
                        Supplier<Optional<Staff>> stillSignedIn) {
        String after = Delivered.isStreamId(lastEventId) ? lastEventId : null;
        SseConnection connection = new SseConnection(staff, sink, sse, after, stillSignedIn);
        synchronized (connection) {
            connections.add(connection);
            if (after != null) {
                replay(connection, after);
            }
        }
        connection.heartbeat();
        presence.active(staff.id());
        presence.alive(staff.id());
    }

    /** The newest event id, so a page can ask for everything after what it rendered. */
    public String latestId() {
        List<StreamEntry> last = redis.client().xrevrange(bus.streamKey(), "+", "-", 1);
        return last.isEmpty() ? "0-0" : last.get(0).getID().toString();
    }

    public int openStreams() {
        return connections.size();
    }

    private void replay(SseConnection connection, String after) {
        if (missedMoreThanKept(after)) {
            connection.resync();
            return;
        }
        List<StreamEntry> missed = redis.client().xrange(bus.streamKey(), "(" + after, "+",
            MAX_REPLAY);
        for (StreamEntry entry : missed) {
            parse(entry.getID().toString(), entry.getFields().get("event")).ifPresent(
                connection::deliver);
        }
    }

    /** True when the stream was trimmed past the client's last event. */
    private boolean missedMoreThanKept(String after) {
        List<StreamEntry> oldest = redis.client().xrange(bus.streamKey(), "-", "+", 1);
        return !oldest.isEmpty()
            && Delivered.isAfter(oldest.get(0).getID().toString(), after)
            && redis.client().xlen(bus.streamKey()) >= EventBus.STREAM_LENGTH;
    }

    private Optional<Delivered> parse(String id, String body) {
        try {
            Event event = json.readValue(body, Event.class);
            ObjectNode payload = json.createObjectNode().put("type", event.type());
            if (event.departmentId() != null) {
                payload.put("departmentId", event.departmentId());
            }
            if (event.assigneeId() != null) {
                payload.put("assigneeId", event.assigneeId());
            }
            for (Map.Entry<String, Object> entry : event.data().entrySet()) {
                payload.putPOJO(entry.getKey(), entry.getValue());
            }
            return Optional.of(new Delivered(id, event, json.writeValueAsString(payload)));
        } catch (Exception e) {
            LOG.warn("Skipping unreadable event {}", id, e);
            return Optional.empty();
        }
    }

    private void fanOut(String message) {
        int space = message.indexOf(' ');
        if (space < 0) {
            return;
        }
        parse(message.substring(0, space), message.substring(space + 1)).ifPresent(delivered -> {
            for (SseConnection connection : connections) {
                connection.deliver(delivered);
            }
        });
    }

    @Override
    public void start() {
        running = true;
        listener = daemon(this::listen, "event-listener");
        listener.start();
        heartbeats.scheduleAtFixedRate(this::beat, heartbeatSeconds, heartbeatSeconds,
            TimeUnit.SECONDS);
    }

    private void beat() {
        try {
            connections.forEach(this::closeIfNoLongerAllowed);
            connections.removeIf(SseConnection::isClosed);
            connections.forEach(SseConnection::heartbeat);
            connections.stream().map(connection -> connection.staff().id()).distinct()
                .forEach(presence::alive);
            presence.sweep();
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat round failed: {}", e.getMessage());
        }
    }

    /** Ends a stream whose session ended, token was revoked or person changed. */
    private void closeIfNoLongerAllowed(SseConnection connection) {
        try {
            if (!connection.isClosed() && !connection.stillValid()) {
                connection.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not re-check a stream, keeping it: {}", e.getMessage());
        }
    }

    private void listen() {
        while (running) {
            try {
                redis.client().subscribe(subscriber, bus.channel());
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Event channel lost, reconnecting: {}", e.getMessage());
                    sleepQuietly();
                }
            }
        }
    }

    /** Ends every open stream, so a stopping server need not wait for them. */
    public void closeAll() {
        connections.forEach(SseConnection::close);
        connections.clear();
    }

    @Override
    public void stop() {
        running = false;
        heartbeats.shutdownNow();
        if (subscriber.isSubscribed()) {
            subscriber.unsubscribe();
        }
        closeAll();
    }

    private final class Subscriber extends JedisPubSub {
        @Override
        public void onMessage(String channel, String message) {
            fanOut(message);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
