package com.balcao.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared WhatsApp webhook fixtures (copied byte for byte into test resources), their
 * signatures from SIGNATURES.txt, and a client that posts them to the app's webhook.
 */
public final class WhatsAppFixtures {
    public static final String APP_SECRET = "test-app-secret-0123456789abcdef";
    public static final String PHONE_NUMBER_ID = "200000000000001";
    public static final String DISPLAY_NUMBER = "15550100001";
    public static final String WABA_ID = "100000000000001";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private WhatsAppFixtures() {
    }

    /** File name → expected {@code X-Hub-Signature-256}, in file order. */
    public static Map<String, String> signatures() {
        Map<String, String> signatures = new LinkedHashMap<>();
        for (String line : new String(resource("SIGNATURES.txt"), StandardCharsets.UTF_8)
            .split("\n")) {
            String[] parts = line.trim().split("\t");
            if (parts.length == 3) {
                signatures.put(parts[0], parts[2]);
            }
        }
        return signatures;
    }

    public static List<String> names() {
        return List.copyOf(signatures().keySet());
    }

    public static byte[] bytes(String name) {
        return resource(name);
    }

    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts raw bytes to the webhook with the given signature header (none when null). */
    public static HttpResponse<String> post(int port, byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/webhooks/whatsapp")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A webhook body shaped like Meta's, with one text message per entry of
     * {@code messages} ({wamid, from, text}); names are escaped to ASCII as Meta does.
     */
    public static byte[] textMessages(List<String[]> messages, long timestamp) {
        StringBuilder contacts = new StringBuilder();
        StringBuilder items = new StringBuilder();
        for (String[] m : messages) {
            contacts.append(contacts.length() == 0 ? "" : ",").append("{\"profile\":{\"name\":\"")
                .append("Cliente ").append(m[1]).append("\"},\"wa_id\":\"").append(m[1])
                .append("\"}");
            items.append(items.length() == 0 ? "" : ",").append("{\"from\":\"").append(m[1])
                .append("\",\"id\":\"").append(m[0]).append("\",\"timestamp\":\"")
                .append(timestamp).append("\",\"type\":\"text\",\"text\":{\"body\":\"")
                .append(m[2]).append("\"}}");
        }
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\""
            + WABA_ID + "\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"" + DISPLAY_NUMBER
            + "\",\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"},\"contacts\":[" + contacts
            + "],\"messages\":[" + items + "]},\"field\":\"messages\"}]}]}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Posts a body signed with the test app secret. */
    public static HttpResponse<String> postSigned(int port, byte[] body) {
        return post(port, body, sign(body, APP_SECRET));
    }

    /** Posts a fixture with its published signature. */
    public static HttpResponse<String> postFixture(int port, String name) {
        return post(port, bytes(name), signatures().get(name));
    }

    private static byte[] resource(String name) {
        try (InputStream in = WhatsAppFixtures.class.getResourceAsStream(
            "/whatsapp/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
