import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * The agents' inbox over a tenant with many conversations: the list, a search over every
 * message, opening a chat and its live refresh, each against a page with no database work
 * (the sign-in page) rendered by the same server in the same run.
 */
final class BenchInbox {
    static final int MESSAGES_EACH = 10;

    static void measure(List<String[]> rows, int conversations) throws Exception {
        seed(conversations);
        HttpClient panel = signIn("admin@demo.local", "demo-admin-123");
        String open;
        try (ResultSet rs = Bench.db.createStatement().executeQuery(
            "SELECT public_id FROM conversations ORDER BY last_message_at DESC LIMIT 1")) {
            rs.next();
            open = rs.getString(1);
        }
        HttpClient anonymous = HttpClient.newHttpClient();
        double page = Bench.run(4, 600, i -> get(anonymous, "/login"));
        double list = Bench.run(4, 600, i -> get(panel, "/inbox/list?tab=all"));
        // A protocol number someone quotes: one word, found through the full-text index.
        double search = Bench.run(4, 200, i -> get(panel, "/inbox/list?tab=all&q=PX"
            + (i * 7919 % (conversations * MESSAGES_EACH))));
        double pane = Bench.run(4, 300, i -> get(panel, "/inbox/c/" + open + "/pane?tab=all"));
        double timeline = Bench.run(4, 600, i -> get(panel, "/inbox/c/" + open + "/timeline"));
        String size = conversations + " conversations";
        rows.add(new String[] {"inbox list, 30 of " + size, Bench.rate(list),
            "sign-in page, no DB: " + Bench.rate(page), Bench.ratio(list, page)});
        rows.add(new String[] {"inbox search over " + conversations * MESSAGES_EACH
            + " messages", Bench.rate(search), "inbox list: " + Bench.rate(list), Bench.ratio(search, list)});
        rows.add(new String[] {"open a chat", Bench.rate(pane),
            "sign-in page, no DB: " + Bench.rate(page), Bench.ratio(pane, page)});
        rows.add(new String[] {"live chat refresh (40 messages)", Bench.rate(timeline),
            "sign-in page, no DB: " + Bench.rate(page), Bench.ratio(timeline, page)});
    }

    /** Contacts, conversations and their messages, inserted in batches. */
    static void seed(int conversations) throws Exception {
        long number;
        long department;
        try (ResultSet rs = Bench.db.createStatement().executeQuery("SELECT (SELECT id FROM "
            + "wa_numbers LIMIT 1), (SELECT id FROM departments WHERE slug = 'comercial')")) {
            rs.next();
            number = rs.getLong(1);
            department = rs.getLong(2);
        }
        Bench.db.setAutoCommit(false);
        long now = System.currentTimeMillis();
        try (PreparedStatement contact = Bench.db.prepareStatement("INSERT INTO contacts "
                + "(public_id, wa_id, name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, "
                + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
             PreparedStatement conversation = Bench.db.prepareStatement("INSERT INTO conversations "
                + "(public_id, contact_id, wa_number_id, department_id, owner, open_flag, "
                + "last_inbound_at, last_message_at, unread_count, created_at, updated_at) "
                + "SELECT ?, id, ?, ?, 'QUEUE', 1, FROM_UNIXTIME(?), FROM_UNIXTIME(?), 1, "
                + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM contacts WHERE public_id = ?");
             PreparedStatement message = Bench.db.prepareStatement("INSERT INTO messages "
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
                    Bench.db.commit();
                }
            }
            Bench.db.commit();
        } finally {
            Bench.db.setAutoCommit(true);
        }
    }

    /** A panel session: the sign-in form's CSRF token, then the password. */
    static HttpClient signIn(String email, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager()).build();
        String form = client.send(HttpRequest.newBuilder(URI.create(Bench.base + "/login")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher token = java.util.regex.Pattern
            .compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        String body = "email=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf=" + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        int status = client.send(HttpRequest.newBuilder(URI.create(Bench.base + "/login"))
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
            return client.send(HttpRequest.newBuilder(URI.create(Bench.base + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }
}
