package com.balcao.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.balcao.app.support.Seeds;
import com.balcao.app.whatsapp.WhatsApp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Status webhooks the app turned away come again, as Meta retries them. */
class StatusEchoTest {
    private static final String NUMBER = "200000000000001";
    private final List<String> taken = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusalsLeft = new AtomicInteger(2);
    private HttpServer webhook;
    private StatusEcho echo;

    @BeforeEach
    void start() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/webhooks/whatsapp", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8);
            boolean refuse = refusalsLeft.getAndDecrement() > 0;
            if (!refuse) {
                taken.add(body);
            }
            exchange.sendResponseHeaders(refuse ? 503 : 200, -1);
            exchange.close();
        });
        webhook.start();
        WhatsApp whatsApp = mock(WhatsApp.class);
        when(whatsApp.webhookSecret(NUMBER)).thenReturn(Optional.of("secret"));
        when(whatsApp.numbers()).thenReturn(List.of());
        WebhookPoster poster = new WebhookPoster(whatsApp, new ObjectMapper());
        poster.port(webhook.getAddress().getPort());
        echo = new StatusEcho(poster, new Phone(Clock.systemUTC()), 20, Clock.systemUTC());
        echo.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        echo.stop();
        webhook.stop(0);
    }

    @Test
    void statusesRefusedByAnUnavailableAppAreDeliveredOnceItIsBack() {
        echo.accepted(NUMBER, "wamid.retry1", "5511987650000", null);

        Seeds.await("sent, delivered and read taken by the app", Duration.ofSeconds(10),
            () -> List.of("sent", "delivered", "read").stream().allMatch(status ->
                String.join("", taken).contains("\"" + status + "\"")));
        assertThat(refusalsLeft.get()).as("the app refused the first two calls").isNegative();
    }
}
