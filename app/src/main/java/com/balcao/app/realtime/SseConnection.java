package com.balcao.app.realtime;

import com.balcao.app.auth.Staff;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One open event stream of one browser tab or integration. Events reach it in stream order,
 * each at most once (replayed and live copies of the same id are told apart), and only those
 * its person may see.
 */
final class SseConnection {
    private final Staff staff;
    private final SseEventSink sink;
    private final Sse sse;
    private final Supplier<Optional<Staff>> stillSignedIn;
    private String lastSentId;

    SseConnection(Staff staff, SseEventSink sink, Sse sse, String lastSentId,
                  Supplier<Optional<Staff>> stillSignedIn) {
        this.staff = staff;
        this.stillSignedIn = stillSignedIn;
        this.sink = sink;
        this.sse = sse;
        this.lastSentId = lastSentId;
    }

    Staff staff() {
        return staff;
    }

    boolean isClosed() {
        return sink.isClosed();
    }

    /**
     * Whether the stream may stay open: its session or token still valid and its person
     * unchanged (active, same role and departments). Otherwise the client reconnects and is
     * let in, or not, as it is now.
     */
    boolean stillValid() {
        return stillSignedIn.get().filter(staff::equals).isPresent();
    }

    synchronized void deliver(Delivered delivered) {
        if (!delivered.isAfter(lastSentId) || sink.isClosed()) {
            return;
        }
        lastSentId = delivered.id();
        if (Audience.maySee(staff, delivered.event())) {
            send(sse.newEventBuilder().id(delivered.id()).name(delivered.event().type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(delivered.json()).build());
        }
    }

    /** Tells the client it missed more than the stream keeps: reload instead of replaying. */
    synchronized void resync() {
        send(sse.newEventBuilder().name(EventType.RESYNC.wire())
            .data("{\"type\":\"" + EventType.RESYNC.wire() + "\"}").build());
    }

    synchronized void heartbeat() {
        send(sse.newEventBuilder().comment("ping").build());
    }

    void close() {
        sink.close();
    }

    private void send(OutboundSseEvent event) {
        if (!sink.isClosed()) {
            sink.send(event).exceptionally(error -> {
                sink.close();
                return null;
            });
        }
    }
}
