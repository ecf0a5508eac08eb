package com.balcao.app.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a server-sent event stream in the background and hands out complete events. */
public final class SseReader implements AutoCloseable {
    private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final HttpClient client = HttpClient.newHttpClient();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    /** One event: its id, name and data. */
    public record Received(String id, String name, String data) {
    }

    public SseReader(String url, String bearer, String lastEventId) {
        this(url, bearer == null ? Map.<String, String>of()
            : Map.of("Authorization", "Bearer " + bearer), lastEventId);
    }

    /** The app's event stream as the API user {@code email} receives it, once open. */
    public static SseReader signedIn(int port, String email, String password)
        throws Exception {
        String token = new ApiClient(port).login(email, password);
        SseReader reader = new SseReader("http://localhost:" + port + "/api/v1/events", token,
            null);
        if (reader.status() != 200) {
            throw new AssertionError("The event stream answered " + reader.status());
        }
        return reader;
    }

    /** A stream opened with these request headers (e.g. a panel session's Cookie). */
    public static SseReader withHeaders(String url, Map<String, String> headers) {
        return new SseReader(url, headers, (String) null);
    }

    private SseReader(String url, Map<String, String> headers, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        this.response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(reply -> {
            if (reply.statusCode() == 200) {
                parse(reply.body());
            }
            ended.complete(null);
        }, runnable -> {
            Thread reader = new Thread(runnable, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }

    public int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    private void parse(Stream<String> lines) {
        String[] current = new String[3];
        lines.forEach(line -> {
            if (line.isEmpty()) {
                if (current[2] != null) {
                    events.add(new Received(current[0], current[1], current[2]));
                }
                current[0] = null;
                current[1] = null;
                current[2] = null;
            } else if (line.startsWith("id:")) {
                current[0] = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                current[1] = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                current[2] = line.substring(5).trim();
            }
        });
    }

    /** The next event, or null when none comes within the wait. */
    public Received next(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Everything that arrives within the wait. */
    public List<Received> drain(Duration wait) throws InterruptedException {
        List<Received> all = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        Received event;
        while ((event = events.poll(Math.max(0, deadline - System.nanoTime()),
            TimeUnit.NANOSECONDS)) != null) {
            all.add(event);
        }
        return all;
    }

    /** Whether the server ended the stream within the wait. */
    public boolean endsWithin(Duration wait) {
        try {
            ended.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        response.cancel(true);
    }
}
