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
 * same run. Arguments: port, JDBC URL, user, password, app secret, messages, inbox size.
 */
public class Bench {
    static final String PHONE = "200000000000001";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;
    static Connection db;

    public static void main(String[] args) throws Exception {
        base = "http://127.0.0.1:" + args[0];
        db = DriverManager.getConnection(args[1], args[2], args[3]);
        String secret = args[4];
        int n = Integer.parseInt(args[5]);
        int customers = Math.max(1, n / 5);
        List<String[]> rows = new ArrayList<>();

        double handshake = run(8, n, i -> get("/webhooks/whatsapp?hub.mode=subscribe"
            + "&hub.verify_token=bench&hub.challenge=" + i));
        long t0 = System.nanoTime();
        double ingest = run(8, n, i -> post("/webhooks/whatsapp", webhook(i, customers), secret));
        waitFor("SELECT COUNT(*) FROM webhook_inbox WHERE state = 'PENDING'", 0);
        double processed = n / seconds(t0);
        rows.add(new String[] {"webhook ingest (signed POST, stored)", rate(ingest),
            "handshake GET, no DB: " + rate(handshake), ratio(ingest, handshake)});
        rows.add(new String[] {"inbox processing (messages recorded)", rate(processed),
            "ingest: " + rate(ingest), ratio(processed, ingest)});

        double graph = run(16, n, i -> graphPost(i));
        double at80 = sender(Math.min(n, 400), "b80");
        execute("UPDATE wa_numbers SET mps = 1000");
        Thread.sleep(11_000);
        double at1000 = sender(n, "b1k");
        rows.add(new String[] {"sender, number at 80 msg/s", rate(at80), "limit: 80.0/s",
            ratio(at80, 80)});
        rows.add(new String[] {"sender, number at 1000 msg/s", rate(at1000),
            "direct POSTs to fake Graph: " + rate(graph), ratio(at1000, graph)});
        Inbox.measure(rows, Integer.parseInt(args[6]));
        print(rows);
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

    static byte[] webhook(int i, int customers) {
        String from = "55119" + (80000000 + i % customers);
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"100000000000001\","
            + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
            + "\"display_phone_number\":\"15550100001\",\"phone_number_id\":\"" + PHONE + "\"},"
            + "\"contacts\":[{\"profile\":{\"name\":\"Cliente " + i % customers + "\"},"
            + "\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":"
            + "\"wamid.bench" + i + "\",\"timestamp\":\"" + System.currentTimeMillis() / 1000
            + "\",\"type\":\"text\",\"text\":{\"body\":\"Mensagem " + i + "\"}}]},"
            + "\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
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

    static void waitFor(String countSql, long expected) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            try (ResultSet rs = db.createStatement().executeQuery(countSql)) {
                rs.next();
                if (rs.getLong(1) == expected) {
                    return;
                }
            }
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
        String format = "| %-40s | %10s | %-44s | %5s |%n";
        System.out.printf(format, "measure", "rate", "baseline (same run)", "ratio");
        System.out.printf(format, "-".repeat(40), "-".repeat(10), "-".repeat(44), "-".repeat(5));
        rows.forEach(row -> System.out.printf(format, (Object[]) row));
    }

    /**
     * The agents' inbox over a tenant with many conversations: the list, a search over every
     * message, opening a chat and its live refresh, each against a page with no database work
     * (the sign-in page) rendered by the same server in the same run.
     */
    static final class Inbox {
        static final int MESSAGES_EACH = 10;

        static void measure(List<String[]> rows, int conversations) throws Exception {
            seed(conversations);
            HttpClient panel = signIn("admin@demo.local", "demo-admin-123");
            String open;
            try (ResultSet rs = db.createStatement().executeQuery(
                "SELECT public_id FROM conversations ORDER BY last_message_at DESC LIMIT 1")) {
                rs.next();
                open = rs.getString(1);
            }
            HttpClient anonymous = HttpClient.newHttpClient();
            double page = run(4, 600, i -> get(anonymous, "/login"));
            double list = run(4, 600, i -> get(panel, "/inbox/list?tab=all"));
            // A protocol number someone quotes: one word, found through the full-text index.
            double search = run(4, 200, i -> get(panel, "/inbox/list?tab=all&q=PX"
                + (i * 7919 % (conversations * MESSAGES_EACH))));
            double pane = run(4, 300, i -> get(panel, "/inbox/c/" + open + "/pane?tab=all"));
            double timeline = run(4, 600, i -> get(panel, "/inbox/c/" + open + "/timeline"));
            String size = conversations + " conversations";
            rows.add(new String[] {"inbox list, 30 of " + size, rate(list),
                "sign-in page, no DB: " + rate(page), ratio(list, page)});
            rows.add(new String[] {"inbox search over " + conversations * MESSAGES_EACH
                + " messages", rate(search), "inbox list: " + rate(list), ratio(search, list)});
            rows.add(new String[] {"open a chat", rate(pane),
                "sign-in page, no DB: " + rate(page), ratio(pane, page)});
            rows.add(new String[] {"live chat refresh (40 messages)", rate(timeline),
                "sign-in page, no DB: " + rate(page), ratio(timeline, page)});
        }

        /** Contacts, conversations and their messages, inserted in batches. */
        static void seed(int conversations) throws Exception {
            long number;
            long department;
            try (ResultSet rs = db.createStatement().executeQuery("SELECT (SELECT id FROM "
                + "wa_numbers LIMIT 1), (SELECT id FROM departments WHERE slug = 'comercial')")) {
                rs.next();
                number = rs.getLong(1);
                department = rs.getLong(2);
            }
            db.setAutoCommit(false);
            long now = System.currentTimeMillis();
            try (PreparedStatement contact = db.prepareStatement("INSERT INTO contacts "
                    + "(public_id, wa_id, name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, "
                    + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
                 PreparedStatement conversation = db.prepareStatement("INSERT INTO conversations "
                    + "(public_id, contact_id, wa_number_id, department_id, owner, open_flag, "
                    + "last_inbound_at, last_message_at, unread_count, created_at, updated_at) "
                    + "SELECT ?, id, ?, ?, 'QUEUE', 1, FROM_UNIXTIME(?), FROM_UNIXTIME(?), 1, "
                    + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM contacts WHERE public_id = ?");
                 PreparedStatement message = db.prepareStatement("INSERT INTO messages "
                    + "(public_id, conversation_id, direction, wa_message_id, type, body, status, "
                    + "status_rank, sent_at, created_at, updated_at) SELECT ?, id, 'inbound', ?, "
                    + "'text', ?, 'received', 0, FROM_UNIXTIME(?), UTC_TIMESTAMP(6), "
                    + "UTC_TIMESTAMP(6) FROM conversations WHERE public_id = ?")) {
                for (int c = 0; c < conversations; c++) {
                    String contactId = String.format("benchk%016d", c);
                    String conversationId = String.format("benchc%016d", c);
                    contact.setString(1, contactId);
                    contact.setString(2, "55219" + (10000000 + c));
                    contact.setString(3, "Cliente Bench " + c);
                    contact.setString(4, "55219" + (10000000 + c));
                    contact.executeUpdate();
                    double last = (now - (conversations - c) * 1000L) / 1000.0;
                    conversation.setString(1, conversationId);
                    conversation.setLong(2, number);
                    conversation.setLong(3, department);
                    conversation.setDouble(4, last);
                    conversation.setDouble(5, last);
                    conversation.setString(6, contactId);
                    conversation.executeUpdate();
                    for (int m = 0; m < MESSAGES_EACH; m++) {
                        int k = c * MESSAGES_EACH + m;
                        message.setString(1, String.format("benchm%016d", k));
                        message.setString(2, "wamid.benchseed" + k);
                        message.setString(3, "Pedido " + k + ": quero saber o prazo de entrega "
                            + "do protocolo PX" + k);
                        message.setDouble(4, last - (MESSAGES_EACH - m));
                        message.setString(5, conversationId);
                        message.addBatch();
                    }
                    message.executeBatch();
                    if (c % 500 == 499) {
                        db.commit();
                    }
                }
                db.commit();
            } finally {
                db.setAutoCommit(true);
            }
        }

        /** A panel session: the sign-in form's CSRF token, then the password. */
        static HttpClient signIn(String email, String password) throws Exception {
            HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();
            String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher token = java.util.regex.Pattern
                .compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
            if (!token.find()) {
                throw new IllegalStateException("No CSRF token on the sign-in page");
            }
            String body = "email=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            int status = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 303) {
                throw new IllegalStateException("Sign-in answered " + status);
            }
            return client;
        }

        static int get(HttpClient client, String path) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                return 0;
            }
        }
    }
}
