package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.balcao.app.config.TenantConfig;
import com.balcao.app.support.WhatsAppFixtures;
import com.balcao.app.web.AppExceptionMapper;
import com.balcao.app.web.ErrorResponses;
import com.balcao.app.web.Pages;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The webhook over HTTP with the inbox stubbed: what is stored, and what is answered. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhookResourceTest {
    static final WebhookQueueDao INBOX = mock(WebhookQueueDao.class);
    static final NumberRegistry NUMBERS = mock(NumberRegistry.class);
    static final Runnable WAKE = mock(Runnable.class);
    static final int LIMIT = 3 * 1024 * 1024;
    static final ResourceExtension RESOURCE = ResourceExtension.builder()
        .addResource(new WebhookResource(new WebhookIngest(INBOX, NUMBERS,
            WhatsAppFixtures.APP_SECRET, "verify-me", LIMIT, Jackson.newObjectMapper(), WAKE,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))))
        .addProvider(new AppExceptionMapper(new ErrorResponses(new Pages(new TenantConfig(), () -> ""))))
        .build();

    @BeforeEach
    void clean() {
        reset(INBOX, NUMBERS, WAKE);
        when(NUMBERS.all()).thenReturn(List.of());
    }

    static Response post(byte[] body, String signature) {
        return RESOURCE.target("/webhooks/whatsapp").request()
            .header("X-Hub-Signature-256", signature)
            .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    @Test
    void aSignedCallIsStoredByteForByteThenAcknowledged() {
        byte[] body = WhatsAppFixtures.bytes("03-inbound-document.json");

        Response answer = post(body, WhatsAppFixtures.signatures().get(
            "03-inbound-document.json"));

        assertThat(answer.getStatus()).isEqualTo(200);
        verify(INBOX).insert(eq("PENDING"), eq(body), eq(WebhookIngest.sha256(body)), isNull(),
            any());
        verify(WAKE).run();
    }

    @Test
    void aBadSignatureIsRefusedWithoutTouchingTheInbox() {
        Response answer = post(WhatsAppFixtures.bytes("01-inbound-text.json"), "sha256=00");

        assertThat(answer.getStatus()).isEqualTo(401);
        assertThat(answer.readEntity(String.class)).contains("invalid_signature");
        verifyNoInteractions(INBOX);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutBeingStored() {
        byte[] body = new byte[LIMIT + 1];

        Response answer = post(body, WhatsAppFixtures.sign(body, WhatsAppFixtures.APP_SECRET));

        assertThat(answer.getStatus()).isEqualTo(413);
        verifyNoInteractions(INBOX);
    }

    @Test
    void malformedJsonIsParkedAndAcknowledged() {
        byte[] body = "{\"entry\": [".getBytes();

        Response answer = post(body, WhatsAppFixtures.sign(body, WhatsAppFixtures.APP_SECRET));

        assertThat(answer.getStatus()).isEqualTo(200);
        verify(INBOX).insert(eq("PARKED"), eq(body), anyString(), startsWith("malformed JSON"),
            any());
        verify(WAKE, never()).run();
    }

    @Test
    void aDatabaseThatCannotStoreTheCallMeans503SoMetaRetries() {
        when(INBOX.insert(anyString(), any(), anyString(), any(), any()))
            .thenThrow(new ConnectionException(new SQLException("Connection refused")));
        byte[] body = WhatsAppFixtures.bytes("01-inbound-text.json");

        Response answer = post(body, WhatsAppFixtures.signatures().get("01-inbound-text.json"));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.readEntity(String.class)).contains("\"code\":\"unavailable\"");
    }

    @Test
    void theHandshakeEchoesTheChallengeAsPlainTextForTheRightTokenOnly() {
        Response ok = RESOURCE.target("/webhooks/whatsapp").queryParam("hub.mode", "subscribe")
            .queryParam("hub.verify_token", "verify-me").queryParam("hub.challenge", "abc 123")
            .request().get();
        Response wrong = RESOURCE.target("/webhooks/whatsapp").queryParam("hub.mode", "subscribe")
            .queryParam("hub.verify_token", "nope").queryParam("hub.challenge", "x")
            .request().get();

        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getMediaType().toString()).startsWith("text/plain");
        assertThat(ok.readEntity(String.class)).isEqualTo("abc 123");
        assertThat(wrong.getStatus()).isEqualTo(403);
    }
}
