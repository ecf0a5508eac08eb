package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.support.WhatsAppFixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    static final List<String> SECRET = List.of(WhatsAppFixtures.APP_SECRET);

    @Test
    void everySharedFixtureVerifiesAgainstItsPublishedSignature() {
        WhatsAppFixtures.signatures().forEach((name, signature) ->
            assertThat(WebhookSignature.valid(WhatsAppFixtures.bytes(name), signature, SECRET))
                .as(name).isTrue());
    }

    @Test
    void theSameJsonReserialisedNoLongerVerifies() throws Exception {
        byte[] raw = WhatsAppFixtures.bytes("03-inbound-document.json");
        String signature = WhatsAppFixtures.signatures().get("03-inbound-document.json");
        ObjectMapper json = new ObjectMapper();
        byte[] reserialised = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(
            json.readTree(raw));

        assertThat(new String(reserialised, StandardCharsets.UTF_8)).contains("José Martín");
        assertThat(WebhookSignature.valid(reserialised, signature, SECRET)).isFalse();
    }

    @Test
    void missingMalformedOrForeignSignaturesAreRefused() {
        byte[] body = WhatsAppFixtures.bytes("01-inbound-text.json");
        String good = WhatsAppFixtures.signatures().get("01-inbound-text.json");

        assertThat(WebhookSignature.valid(body, null, SECRET)).isFalse();
        assertThat(WebhookSignature.valid(body, good.substring(7), SECRET)).isFalse();
        assertThat(WebhookSignature.valid(body, good.toUpperCase(), SECRET)).isFalse();
        assertThat(WebhookSignature.valid(body, good + "00", SECRET)).isFalse();
        assertThat(WebhookSignature.valid(body, "sha256=" + "zz".repeat(32), SECRET)).isFalse();
        assertThat(WebhookSignature.valid(body, good, List.of())).isFalse();
        assertThat(WebhookSignature.valid(body, good, List.of("other"))).isFalse();
    }

    @Test
    void anyOfSeveralAppSecretsIsAccepted() {
        byte[] body = WhatsAppFixtures.bytes("01-inbound-text.json");
        String good = WhatsAppFixtures.signatures().get("01-inbound-text.json");

        assertThat(WebhookSignature.valid(body, good, List.of("first-app",
            WhatsAppFixtures.APP_SECRET, "third-app"))).isTrue();
        assertThat(WebhookSignature.sign(body, WhatsAppFixtures.APP_SECRET)).isEqualTo(good);
    }
}
