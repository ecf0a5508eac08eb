package com.balcao.app.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for Meta's Graph API on a local port, for tests that need to see exactly what
 * reached it (and when): every request is recorded; the next media upload can be held up.
 */
public final class FakeMetaGraph implements AutoCloseable {
    /** One request as received. */
    public record Received(String method, String path, String authorization) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicLong stallNextUploadMillis = new AtomicLong();
    private final AtomicInteger uploads = new AtomicInteger();

    private FakeMetaGraph(HttpServer server) {
        this.server = server;
    }

    public static FakeMetaGraph start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeMetaGraph graph = new FakeMetaGraph(server);
            server.createContext("/", graph::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return graph;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next media upload answers only after this long. */
    public void stallNextUpload(Duration stall) {
        stallNextUploadMillis.set(stall.toMillis());
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Messages accepted ({@code POST …/messages}). */
    public int messages() {
        return messages.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path,
            exchange.getRequestHeaders().getFirst("Authorization")));
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String answer;
        if (path.endsWith("/media")) {
            uploads.incrementAndGet();
            long stall = stallNextUploadMillis.getAndSet(0);
            if (stall > 0) {
                sleep(stall);
            }
            answer = "{\"id\":\"" + (7_000_000_000L + uploads.get()) + "\"}";
        } else if (path.endsWith("/messages")) {
            int n = messages.incrementAndGet();
            answer = "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.FAKE" + n
                + "\"}]}";
        } else {
            answer = "{\"id\":\"x\",\"verified_name\":\"Fake\",\"display_phone_number\":\"1\"}";
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
