package com.balcao.app.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake Graph API's behaviour: Meta's throughput limit per number (130429 beyond it),
 * injected failures, accepted messages handed to the customer's phone with status echoes,
 * uploaded media, and a WABA's templates.
 */
final class FakeGraph {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final int mps;
    private final GraphFailures failures;
    private final StatusEcho echo;
    private final Phone phone;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** Uploaded files, oldest first; capped in number and total size. */
    private final LinkedHashMap<String, Media> media = new LinkedHashMap<>();
    private final int maxMediaFiles;
    private final long maxMediaBytes;
    private long mediaBytes;
    private final Map<String, ArrayNode> templates = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    FakeGraph(int mps, int maxMediaFiles, long maxMediaBytes, GraphFailures failures,
              StatusEcho echo, Phone phone) {
        this.mps = mps;
        this.maxMediaFiles = maxMediaFiles;
        this.maxMediaBytes = maxMediaBytes;
        this.failures = failures;
        this.echo = echo;
        this.phone = phone;
    }

    /** An HTTP answer of the fake API: status and JSON body (null for a bare error). */
    record Answer(int status, JsonNode body) {
    }

    /** A stored media file. */
    record Media(byte[] bytes, String mimeType, String sha256) {
    }

    /** {@code POST /{phone-number-id}/messages}: a message or a read receipt. */
    Answer message(String phoneNumberId, JsonNode body) {
        if (!bucket(phoneNumberId).tryConsume(1)) {
            throttled.incrementAndGet();
            return error(429, 130429);
        }
        if ("read".equals(body.path("status").asText())) {
            return new Answer(200, JSON.objectNode().put("success", true));
        }
        String to = body.path("to").asText(body.path("recipient").asText()).replace("+", "");
        Optional<GraphFailures.Injection> failure = failures.next(to);
        if (failure.isPresent() && !failure.get().async()) {
            failed.incrementAndGet();
            GraphFailures.Injection injection = failure.get();
            return injection.code() == null ? new Answer(injection.httpStatus(), null)
                : error(injection.httpStatus(), injection.code());
        }
        String wamid = "wamid.SIM" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        accepted.incrementAndGet();
        phone.received(to, wamid, body);
        if (failure.isPresent()) {
            echo.failed(phoneNumberId, wamid, to, failure.get().code());
        } else if (!"reaction".equals(body.path("type").asText())) {
            echo.accepted(phoneNumberId, wamid, to, body.path("biz_opaque_callback_data")
                .asText(null));
        }
        ObjectNode answer = JSON.objectNode().put("messaging_product", "whatsapp");
        answer.putArray("contacts").addObject().put("input", body.path("to").asText(to))
            .put("wa_id", to);
        answer.putArray("messages").addObject().put("id", wamid);
        return new Answer(200, answer);
    }

    long maxMediaBytes() {
        return maxMediaBytes;
    }

    /** Keeps a file; the oldest ones go when there are too many or they take too much room. */
    synchronized String storeMedia(byte[] bytes, String mimeType) {
        String id = Long.toString(4_000_000_000_000_000L
            + ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        media.put(id, new Media(bytes, mimeType, SampleMedia.sha256(bytes)));
        mediaBytes += bytes.length;
        Iterator<Media> oldest = media.values().iterator();
        while (media.size() > maxMediaFiles || mediaBytes > maxMediaBytes) {
            mediaBytes -= oldest.next().bytes().length;
            oldest.remove();
        }
        return id;
    }

    synchronized Optional<Media> media(String id) {
        return Optional.ofNullable(media.get(id));
    }

    ArrayNode templates(String wabaId) {
        return templates.computeIfAbsent(wabaId, key -> starterTemplates());
    }

    /** Counters a test reads: accepted, throttled (130429) and injected failures. */
    ObjectNode stats() {
        return JSON.objectNode().put("accepted", accepted.get()).put("throttled", throttled.get())
            .put("failed", failed.get()).put("failuresPending", failures.pending());
    }

    static Answer error(int status, int code) {
        ObjectNode error = JSON.objectNode();
        ObjectNode inner = error.putObject("error").put("message", "(#" + code + ") "
            + GraphFailures.title(code)).put("type", "OAuthException").put("code", code)
            .put("fbtrace_id", "SIMULATOR");
        inner.putObject("error_data").put("messaging_product", "whatsapp")
            .put("details", "Simulated: " + GraphFailures.title(code));
        return new Answer(status, error);
    }

    private Bucket bucket(String phoneNumberId) {
        return buckets.computeIfAbsent(phoneNumberId, key -> Bucket.builder()
            .addLimit(limit -> limit.capacity(mps).refillGreedy(mps, Duration.ofSeconds(1)))
            .build());
    }

    private static ArrayNode starterTemplates() {
        ArrayNode list = JSON.arrayNode();
        template(list, "hello_world", "en_US", "UTILITY", "Hello from the simulator!");
        template(list, "retomar_atendimento", "pt_BR", "UTILITY",
            "Olá {{1}}, podemos continuar o seu atendimento?");
        template(list, "lembrete_agendamento", "pt_BR", "UTILITY",
            "Olá, {{1}}! Lembrete do seu horário: {{2}}, com {{3}}. Para remarcar, responda "
                + "esta mensagem.");
        template(list, "agendamento_cancelado", "pt_BR", "UTILITY",
            "Olá, {{1}}! Seu horário de {{2}} com {{3}} foi cancelado. Para marcar outro, "
                + "responda esta mensagem.");
        template(list, "agendamento_remarcado", "pt_BR", "UTILITY",
            "Olá, {{1}}! Seu horário com {{2}} foi remarcado para {{3}}. Se não puder, responda "
                + "esta mensagem.");
        return list;
    }

    private static void template(ArrayNode list, String name, String language, String category,
                                 String body) {
        ObjectNode template = list.addObject().put("name", name).put("language", language)
            .put("status", "APPROVED").put("category", category)
            .put("id", Long.toString(900_000_000_000_100L + list.size()));
        template.putArray("components").addObject().put("type", "BODY").put("text", body);
    }
}
