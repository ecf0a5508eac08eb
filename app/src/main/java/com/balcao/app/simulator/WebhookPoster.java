package com.balcao.app.simulator;

import com.balcao.app.whatsapp.WhatsApp;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhooks the way Meta does: the envelope, non-ASCII escaped as {@code \\uXXXX},
 * signed with the number's app secret, posted over HTTP to the app's own public webhook. So
 * the demo and the tests go through exactly the production path.
 */
final class WebhookPoster {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookPoster.class);
    private final WhatsApp whatsApp;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile int port;

    WebhookPoster(WhatsApp whatsApp, ObjectMapper json) {
        this.whatsApp = whatsApp;
        this.json = json.copy().configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, true);
    }

    void port(int port) {
        this.port = port;
    }

    /** A {@code messages} change for the number with the given value fields. */
    ObjectNode messagesValue(String phoneNumberId) {
        ObjectNode value = JsonNodeFactory.instance.objectNode()
            .put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", display(phoneNumberId))
            .put("phone_number_id", phoneNumberId);
        return value;
    }

    /** Posts one change; answers the webhook's HTTP status (0 when it could not be reached). */
    int post(String phoneNumberId, String field, ObjectNode value, Long entryTime) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode()
            .put("object", "whatsapp_business_account");
        ObjectNode entry = envelope.putArray("entry").addObject().put("id", waba(phoneNumberId));
        if (entryTime != null) {
            entry.put("time", entryTime);
        }
        entry.putArray("changes").addObject().<ObjectNode>set("value", value).put("field", field);
        try {
            byte[] body = json.writeValueAsBytes(envelope);
            String secret = whatsApp.webhookSecret(phoneNumberId).orElse("");
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/webhooks/whatsapp")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", sign(body, secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            LOG.warn("Simulator could not deliver a webhook: {}", e.getMessage());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private String display(String phoneNumberId) {
        return whatsApp.numbers().stream().filter(n -> n.phoneNumberId().equals(phoneNumberId))
            .map(WhatsApp.NumberInfo::displayPhoneNumber).findFirst().orElse("");
    }

    private String waba(String phoneNumberId) {
        return whatsApp.numbers().stream().filter(n -> n.phoneNumberId().equals(phoneNumberId))
            .map(WhatsApp.NumberInfo::wabaId).filter(id -> id != null).findFirst().orElse("0");
    }

    private static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
