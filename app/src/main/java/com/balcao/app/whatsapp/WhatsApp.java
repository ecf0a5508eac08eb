package com.balcao.app.whatsapp;

import com.balcao.app.auth.Tokens;
import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Periodic;
import com.balcao.app.config.Redis;
import com.balcao.app.web.Maintenance;
import com.balcao.app.config.WhatsAppConfig;
import com.balcao.app.departments.DepartmentDao;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;

/**
 * The WhatsApp Cloud API feature: the signed webhook and its queue, the processor that turns
 * webhook bodies into listener calls, the outbox and its rate-limited sender, media, templates
 * and the numbers with their encrypted credentials.
 */
public final class WhatsApp {
    private final WebhookDispatcher dispatcher;
    private final Outbox outbox;
    private final MediaFiles media;
    private final Templates templates;
    private final NumberRegistry numbers;
    private final WhatsAppConfig config;

    private WhatsApp(WebhookDispatcher dispatcher, Outbox outbox, MediaFiles media,
                     Templates templates, NumberRegistry numbers, WhatsAppConfig config) {
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.media = media;
        this.templates = templates;
        this.numbers = numbers;
        this.config = config;
    }

    public static WhatsApp register(AppConfig config, Environment environment, Jdbi jdbi,
                                    Redis redis, Clock clock) {
        WhatsAppConfig wa = config.whatsapp;
        ObjectMapper json = environment.getObjectMapper();
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        CredentialCipher cipher = CredentialCipher.of(wa.credentialsKey);
        NumberRegistry numbers = new NumberRegistry(jdbi.onDemand(NumberDao.class), cipher, clock);
        GraphHosts hosts = new GraphHosts(config.simulator.enabled);
        GraphClient graph = new GraphClient(wa.graphBaseUrl, wa.graphVersion, json,
            Duration.ofSeconds(wa.httpTimeoutSeconds), hosts);
        Templates templates = new Templates(jdbi.onDemand(TemplateDao.class), numbers, graph, json,
            clock);
        WebhookDispatcher dispatcher = new WebhookDispatcher(json, templates, clock);
        Duration poll = Duration.ofMillis(wa.pollMillis);

        Maintenance maintenance = new Maintenance(redis);
        Workers webhooks = new Workers("wa-webhooks", wa.inboxWorkers, poll,
            Workers.Batch.onOneHandle(jdbi, new WebhookProcessor(
                jdbi.onDemand(WebhookQueueDao.class), dispatcher, wa, owner, clock)),
            maintenance::active);
        Path mediaRoot = Path.of(config.tenant.dataDir).resolve("media");
        Workers downloads = new Workers("wa-media", 1, poll.multipliedBy(4), new MediaDownloader(
            jdbi.onDemand(MediaDao.class), numbers, graph, mediaRoot, dispatcher::listener, wa,
            clock), maintenance::active);
        MediaFiles media = new MediaFiles(jdbi, mediaRoot, downloads::wake, clock);
        SendLimits limits = new SendLimits(Bucket4jJedis.casBasedBuilder(redis.client())
            .expirationAfterWrite(ExpirationAfterWriteStrategy
                .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1))).build(),
            redis.client(), redis.key(""), wa.pairBurst,
            Duration.ofSeconds(wa.pairIntervalSeconds), clock);
        Workers sender = new Workers("wa-sender", wa.senderThreads, poll, new OutboxSender(
            jdbi, jdbi.onDemand(OutboxDao.class), numbers, graph, limits, media, dispatcher::listener,
            wa, json, owner, clock), maintenance::active);
        Outbox outbox = new Outbox(jdbi, numbers, json, sender::wake, clock);

        environment.lifecycle().manage(webhooks);
        environment.lifecycle().manage(downloads);
        environment.lifecycle().manage(sender);
        Duration unsentAge = Duration.ofHours(wa.unsentUploadHours);
        environment.lifecycle().manage(Periodic.every(Duration.ofHours(1), Duration.ofMinutes(5),
            "wa-unsent-uploads", () -> media.deleteUnsentUploads(unsentAge)));
        var jersey = environment.jersey();
        jersey.register(new WebhookResource(new WebhookIngest(
            jdbi.onDemand(WebhookQueueDao.class), numbers, wa.appSecret, wa.verifyToken,
            wa.maxWebhookBytes, json, webhooks::wake, clock)));
        jersey.register(new NumbersResource(jdbi.onDemand(NumberDao.class), new NumberSettings(
            jdbi, cipher, numbers::invalidate, clock), numbers, new ConnectionCheck(graph),
            jdbi.onDemand(DepartmentDao.class), hosts));
        jersey.register(new TemplatesResource(templates, numbers));
        jersey.register(new HeldWebhooksResource(jdbi.onDemand(WebhookQueueDao.class),
            webhooks::wake, clock));
        return new WhatsApp(dispatcher, outbox, media, templates, numbers, wa);
    }

    /** Who receives customers' messages, statuses and send outcomes; set before the start. */
    public void listener(WhatsAppListener listener) {
        dispatcher.listener(listener);
    }

    public Outbox outbox() {
        return outbox;
    }

    public MediaFiles media() {
        return media;
    }

    public Templates templates() {
        return templates;
    }

    /** A business number as other features may see it: no credentials. */
    public record NumberInfo(String phoneNumberId, String displayPhoneNumber, String label,
                             String wabaId) {
    }

    /** The active business numbers. */
    public List<NumberInfo> numbers() {
        return numbers.all().stream().filter(BusinessNumber::active)
            .map(number -> new NumberInfo(number.phoneNumberId(), number.displayPhoneNumber(),
                number.label(), number.wabaId()))
            .sorted(Comparator.comparing(NumberInfo::phoneNumberId)).toList();
    }

    /**
     * Creates or updates a number with its credentials, outside the running app (the demo
     * seed and tests); the app sees it within seconds.
     */
    public static long saveNumber(Jdbi jdbi, WhatsAppConfig config, NumberSetup setup) {
        return new NumberSettings(jdbi, CredentialCipher.of(config.credentialsKey), () -> { },
            Clock.systemUTC()).save(null, setup);
    }

    /**
     * Whether {@code token} is the access token of an active number ({@code phoneNumberId}
     * null: of any), so the simulator's fake Graph API refuses other callers as Meta does.
     */
    public boolean isAccessToken(String phoneNumberId, String token) {
        return token != null && !token.isBlank() && numbers.all().stream()
            .filter(BusinessNumber::active)
            .filter(n -> phoneNumberId == null || n.phoneNumberId().equals(phoneNumberId))
            .anyMatch(n -> n.accessToken() != null
                && Tokens.constantTimeEquals(n.accessToken(), token));
    }

    /** The secret webhooks for this number are signed with (the simulator signs like Meta). */
    public Optional<String> webhookSecret(String phoneNumberId) {
        return numbers.byPhoneNumberId(phoneNumberId).map(BusinessNumber::appSecret)
            .filter(secret -> !secret.isBlank())
            .or(() -> config.appSecret.isBlank() ? Optional.empty()
                : Optional.of(config.appSecret));
    }
}
