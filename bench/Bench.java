import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Drives a running app (bench/run.sh starts one) and prints rates with a baseline from the
 * same run. Arguments: port, JDBC URL, user, password, app secret, messages, inbox size, what
 * to measure (all or processing), and optionally an earlier build running alongside (its port,
 * its JDBC URL, its name) whose processing is measured in turn with the app's.
 */
public class Bench {
    static final String PHONE = "200000000000001";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;
    static Connection db;

    /** An app under test: where it serves and its database. */
    record App(String base, Connection db) {
        static App at(String port, String jdbcUrl, String user, String password)
            throws Exception {
            return new App("http://127.0.0.1:" + port,
                DriverManager.getConnection(jdbcUrl, user, password));
        }
    }

    /** Points the requests and queries that follow at {@code app}. */
    static void use(App app) {
        base = app.base();
        db = app.db();
    }

    public static void main(String[] args) throws Exception {
        App app = App.at(args[0], args[1], args[2], args[3]);
        App before = args.length > 10 ? App.at(args[8], args[9], args[2], args[3]) : null;
        use(app);
        // Stopped whatever happens: its server thread would keep a failed bench from exiting.
        FakeMeta meta = FakeMeta.start(PHONE, args[4]);
        try {
            measure(app, before, meta, new ArrayList<>(), args);
        } finally {
            meta.stop();
        }
    }

    static void measure(App app, App before, FakeMeta meta, List<String[]> rows, String[] args)
        throws Exception {
        String secret = args[4];
        int n = Integer.parseInt(args[5]);
        int customers = Math.max(1, n / 5);
        String only = args.length > 7 ? args[7] : "all";
        String simulator = graphBaseUrl();
        pointNumberAt(meta.baseUrl());
        BenchProcessing.measure(rows, app, before, args.length > 10 ? args[10] : null, secret, n,
            customers);
        pointNumberAt(simulator);
        if ("processing".equals(only)) {
            print(rows);
            return;
        }
        Thread.sleep(11_000);
        double graph = run(16, n, i -> graphPost(i));
        double at80 = sender(Math.min(n, 400), "b80");
        execute("UPDATE wa_numbers SET mps = 1000");
        Thread.sleep(11_000);
        double at1000 = sender(n, "b1k");
        rows.add(new String[] {"sender, number at 80 msg/s", rate(at80), "limit: 80.0/s",
            ratio(at80, 80)});
        rows.add(new String[] {"sender, number at 1000 msg/s", rate(at1000),
            "direct POSTs to fake Graph: " + rate(graph), ratio(at1000, graph)});
        BenchInbox.measure(rows, Integer.parseInt(args[6]));
        print(rows);
    }

    /** Where the number's Graph calls go now (the demo points it at the app's simulator). */
    static String graphBaseUrl() throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT graph_base_url FROM "
            + "wa_numbers WHERE phone_number_id = ?")) {
            query.setString(1, PHONE);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Sends the number's Graph calls to {@code baseUrl}; the app sees the change within its
     * number cache's ten seconds.
     */
    static void pointNumberAt(String baseUrl) throws Exception {
        try (PreparedStatement update = db.prepareStatement("UPDATE wa_numbers SET "
            + "graph_base_url = ? WHERE phone_number_id = ?")) {
            update.setString(1, baseUrl);
            update.setString(2, PHONE);
            update.executeUpdate();
        }
    }

    /** Queues {@code count} messages in one transaction, all due at once; sending rate. */
    static double sender(int count, String tag) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement targets = db.prepareStatement("SELECT c.id, c.wa_number_id, "
            + "ct.wa_id FROM conversations c JOIN contacts ct ON ct.id = c.contact_id");
             ResultSet rs = targets.executeQuery()) {
            List<Object[]> conversations = new ArrayList<>();
            while (rs.next()) {
                conversations.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)});
            }
            for (int i = 0; i < count; i++) {
                Object[] c = conversations.get(i % conversations.size());
                String publicId = String.format("%s%019d", tag, i);
                long message = insertMessage(publicId, (Long) c[0]);
                try (PreparedStatement out = db.prepareStatement("INSERT INTO wa_outbox "
                    + "(message_id, wa_number_id, recipient, kind, body, state, next_attempt_at, "
                    + "created_at, updated_at) VALUES (?, ?, ?, 'message', ?, 'PENDING', "
                    + "UTC_TIMESTAMP(6) + INTERVAL 1 SECOND, UTC_TIMESTAMP(6), "
                    + "UTC_TIMESTAMP(6))")) {
                    out.setLong(1, message);
                    out.setLong(2, (Long) c[1]);
                    out.setString(3, (String) c[2]);
                    out.setString(4, "{\"messaging_product\":\"whatsapp\",\"to\":\"+" + c[2]
                        + "\",\"type\":\"text\",\"text\":{\"body\":\"Oferta " + i
                        + "\"},\"biz_opaque_callback_data\":\"" + publicId + "\"}");
                    out.executeUpdate();
                }
            }
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        waitFor("SELECT COUNT(*) FROM wa_outbox o JOIN messages m ON m.id = o.message_id "
            + "WHERE m.public_id LIKE '" + tag + "%' AND o.state <> 'SENT'", 0);
        try (ResultSet rs = db.createStatement().executeQuery("SELECT TIMESTAMPDIFF(MICROSECOND,"
            + " MIN(o.sent_at), MAX(o.sent_at)) FROM wa_outbox o JOIN messages m ON "
            + "m.id = o.message_id WHERE m.public_id LIKE '" + tag + "%'")) {
            rs.next();
            return (count - 1) / (rs.getLong(1) / 1e6);
        }
    }

    static long insertMessage(String publicId, long conversation) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO messages (public_id, "
            + "conversation_id, direction, type, body, status, status_rank, sent_at, created_at, "
            + "updated_at, sender_user_id) VALUES (?, ?, 'outbound', 'text', 'Oferta', 'queued', "
            + "0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), NULL)",
            PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, publicId);
            insert.setLong(2, conversation);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Runs {@code total} requests on {@code threads} threads; successful requests per second. */
    static double run(int threads, int total, IntFunction<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < total; ) {
                    if (call.apply(i) / 100 == 2) {
                        ok.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return ok.get() / seconds(start);
    }

    static int get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    static int post(String path, byte[] body, String secret) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("X-Hub-Signature-256", sign(body, secret))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static int graphPost(int i) {
        return send(HttpRequest.newBuilder(URI.create(base + "/simulator/api/graph/v23.0/"
                + PHONE + "/messages")).header("Authorization", "Bearer demo-access-token")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"messaging_product\":\"whatsapp\","
                + "\"to\":\"+5511990000000\",\"type\":\"reaction\",\"reaction\":{\"message_id\":"
                + "\"wamid.x\",\"emoji\":\"👍\"}}")).build());
    }

    static int send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void waitFor(String countSql, long expected) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (count(countSql) != expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out: " + countSql);
            }
            Thread.sleep(20);
        }
    }

    static void execute(String sql) throws Exception {
        db.createStatement().executeUpdate(sql);
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static String rate(double perSecond) {
        return String.format("%.1f/s", perSecond);
    }

    static String ratio(double value, double baseline) {
        return String.format("%.2f", value / baseline);
    }

    static void print(List<String[]> rows) {
        String format = "| %-46s | %10s | %-44s | %5s |%n";
        System.out.printf(format, "measure", "rate", "baseline (same run)", "ratio");
        System.out.printf(format, "-".repeat(46), "-".repeat(10), "-".repeat(44), "-".repeat(5));
        rows.forEach(row -> System.out.printf(format, (Object[]) row));
    }
}
