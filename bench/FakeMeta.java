import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Meta's side of the processing rounds, outside the app: a Graph API that accepts every
 * message, and its status webhooks (sent, delivered, read, 300 ms apart, those due together in
 * one signed webhook every 100 ms), as the app's built-in simulator plays them. Measured from
 * here, the app's rates carry only the app's own work, not the fake Meta's.
 */
final class FakeMeta {
    private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"\\+?(\\d+)\"");
    private static final Pattern CALLBACK =
        Pattern.compile("\"biz_opaque_callback_data\"\\s*:\\s*\"([^\"]*)\"");
    private static final String[] STATUSES = {"sent", "delivered", "read"};
    private final HttpServer server;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1,
        FakeMeta::daemon);
    private final ExecutorService handlers = Executors.newFixedThreadPool(4, FakeMeta::daemon);
    private final List<String> due = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final String phone;
    private final String secret;

    private FakeMeta(HttpServer server, String phone, String secret) {
        this.server = server;
        this.phone = phone;
        this.secret = secret;
    }

    /** Serves on a free port of 127.0.0.1 until {@link #stop}. */
    static FakeMeta start(String phone, String secret) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        FakeMeta meta = new FakeMeta(server, phone, secret);
        server.createContext("/", meta::answer);
        server.setExecutor(meta.handlers);
        server.start();
        meta.scheduler.scheduleWithFixedDelay(meta::flush, 100, 100, TimeUnit.MILLISECONDS);
        return meta;
    }

    /** What a number's Graph base URL is set to, to send here. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        scheduler.shutdownNow();
        server.stop(0);
        handlers.shutdownNow();
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "fake-meta");
        thread.setDaemon(true);
        return thread;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String wamid = "wamid.FAKE" + ids.incrementAndGet();
        Matcher to = TO.matcher(body);
        String recipient = to.find() ? to.group(1) : "0";
        Matcher callback = CALLBACK.matcher(body);
        String data = callback.find() ? callback.group(1) : null;
        for (int i = 0; i < STATUSES.length; i++) {
            String status = status(wamid, STATUSES[i], recipient, data);
            scheduler.schedule(() -> queue(status), 300L * (i + 1), TimeUnit.MILLISECONDS);
        }
        byte[] answer = ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\""
            + recipient + "\",\"wa_id\":\"" + recipient + "\"}],\"messages\":[{\"id\":\""
            + wamid + "\"}]}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private static String status(String wamid, String status, String recipient, String data) {
        return "{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\""
            + System.currentTimeMillis() / 1000 + "\",\"recipient_id\":\"" + recipient + "\""
            + (data == null ? "" : ",\"biz_opaque_callback_data\":\"" + data + "\"") + "}";
    }

    private synchronized void queue(String status) {
        due.add(status);
    }

    private void flush() {
        List<String> batch;
        synchronized (this) {
            batch = new ArrayList<>(due.subList(0, Math.min(200, due.size())));
            due.subList(0, batch.size()).clear();
        }
        if (batch.isEmpty()) {
            return;
        }
        byte[] webhook = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":"
            + "\"100000000000001\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"15550100001\",\"phone_number_id\":\""
            + phone + "\"},\"statuses\":[" + String.join(",", batch) + "]},\"field\":"
            + "\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 5; attempt++) {
            if (Bench.post("/webhooks/whatsapp", webhook, secret) / 100 == 2) {
                return;
            }
        }
        System.err.println("Fake Meta gave up a status webhook of " + batch.size());
    }
}
