package com.balcao.app.whatsapp;

import com.balcao.app.auth.Tokens;
import com.balcao.app.web.AppException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook's whole job: read the raw bytes (within the size limit), check the signature,
 * store the body in the inbox, and only then let the caller answer 200. Nothing is parsed
 * beyond a JSON syntax check; malformed JSON is parked rather than refused, since Meta would
 * otherwise retry it for a week.
 */
final class WebhookIngest {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookIngest.class);
    private final WebhookQueueDao inbox;
    private final NumberRegistry numbers;
    private final String configuredSecret;
    private final String configuredVerifyToken;
    private final int maxBytes;
    private final ObjectMapper json;
    private final Runnable wake;
    private final Clock clock;

    WebhookIngest(WebhookQueueDao inbox, NumberRegistry numbers, String configuredSecret,
                  String configuredVerifyToken, int maxBytes, ObjectMapper json, Runnable wake,
                  Clock clock) {
        this.inbox = inbox;
        this.numbers = numbers;
        this.configuredSecret = configuredSecret;
        this.configuredVerifyToken = configuredVerifyToken;
        this.maxBytes = maxBytes;
        this.json = json;
        this.wake = wake;
        this.clock = clock;
    }

    /** Stores one webhook call; throws 413, 401 or 503 when it cannot be accepted. */
    void accept(InputStream body, Long contentLength, String signature) {
        if (contentLength != null && contentLength > maxBytes) {
            throw tooLarge(body);
        }
        byte[] bytes = read(body);
        if (!WebhookSignature.valid(bytes, signature, secrets())) {
            LOG.warn("Webhook refused: missing or wrong {} ({} bytes)", WebhookSignature.HEADER,
                bytes.length);
            throw new AppException(Response.Status.UNAUTHORIZED, "invalid_signature",
                "wa_webhook_invalid_signature");
        }
        String problem = jsonProblem(bytes);
        store(bytes, problem, true);
        if (problem == null) {
            wake.run();
        } else {
            LOG.warn("Webhook with a valid signature but malformed JSON parked: {}", problem);
        }
    }

    /** Inserts the call; a deadlock victim is tried once more before Meta is told to retry. */
    private void store(byte[] bytes, String problem, boolean firstTry) {
        try {
            inbox.insert(problem == null ? WebhookQueueDao.PENDING : WebhookQueueDao.PARKED, bytes,
                sha256(bytes), problem, clock.instant());
        } catch (JdbiException e) {
            if (firstTry && e.getCause() instanceof SQLTransactionRollbackException) {
                store(bytes, problem, false);
                return;
            }
            LOG.error("Webhook not stored, answering 503 so Meta retries: {}", e.getMessage());
            throw new AppException(Response.Status.SERVICE_UNAVAILABLE, "unavailable",
                "error_unavailable");
        }
    }

    /** Whether the verification handshake names one of our verify tokens. */
    boolean verifies(String mode, String token) {
        if (!"subscribe".equals(mode) || token == null || token.isEmpty()) {
            return false;
        }
        Set<String> tokens = new LinkedHashSet<>();
        if (!configuredVerifyToken.isBlank()) {
            tokens.add(configuredVerifyToken);
        }
        numbers.all().stream().filter(BusinessNumber::active).map(BusinessNumber::verifyToken)
            .filter(t -> t != null && !t.isBlank()).forEach(tokens::add);
        boolean match = false;
        for (String candidate : tokens) {
            match |= Tokens.constantTimeEquals(candidate, token);
        }
        return match;
    }

    private List<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>();
        if (!configuredSecret.isBlank()) {
            secrets.add(configuredSecret);
        }
        numbers.all().stream().filter(BusinessNumber::active).map(BusinessNumber::appSecret)
            .filter(s -> s != null && !s.isBlank()).forEach(secrets::add);
        return new ArrayList<>(secrets);
    }

    private byte[] read(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(in);
            }
            return bytes;
        } catch (IOException e) {
            throw new AppException(Response.Status.BAD_REQUEST, "bad_request", "error_bad_request");
        }
    }

    private String jsonProblem(byte[] bytes) {
        try {
            json.readTree(bytes);
            return bytes.length == 0 ? "empty body" : null;
        } catch (JsonProcessingException e) {
            return "malformed JSON: " + e.getOriginalMessage();
        } catch (IOException e) {
            return "unreadable body: " + e.getMessage();
        }
    }

    /**
     * The 413 for a body over the limit. Up to twice the limit is read and dropped first, so a
     * sender still writing its body gets the answer instead of a reset connection.
     */
    private AppException tooLarge(InputStream rest) {
        try {
            byte[] sink = new byte[64 * 1024];
            long left = 2L * maxBytes;
            for (int n; left > 0 && (n = rest.read(sink, 0, (int) Math.min(sink.length, left)))
                > 0; ) {
                left -= n;
            }
        } catch (IOException e) {
            LOG.debug("Oversized webhook body not drained: {}", e.getMessage());
        }
        return new AppException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
            "error_payload_too_large");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
