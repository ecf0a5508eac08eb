package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balcao.app.support.WhatsAppFixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookParserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    static ParsedWebhook parse(String fixture) throws Exception {
        return WebhookParser.parse(JSON.readTree(WhatsAppFixtures.bytes(fixture)), NOW);
    }

    static ParsedWebhook parseText(String json) throws Exception {
        return WebhookParser.parse(JSON.readTree(json), NOW);
    }

    @Test
    void everyMessageOfABatchIsReadWithItsOwnContact() throws Exception {
        ParsedWebhook batch = parse("11-batch-3-messages-2-contacts.json");

        assertThat(batch.messages()).extracting(InboundMessage::type)
            .containsExactly("text", "audio", "button");
        InboundMessage voice = batch.messages().get(1);
        assertThat(voice.waId()).isEqualTo("447700900123");
        assertThat(voice.profileName()).isEqualTo("José Martín");
        assertThat(voice.media().mimeType()).isEqualTo("audio/ogg; codecs=opus");
        assertThat(voice.media().waMediaId()).isEqualTo("3000000000000103");
        InboundMessage button = batch.messages().get(2);
        assertThat(button.profileName()).isEqualTo("Ana Souza");
        assertThat(button.text()).isEqualTo("Reschedule");
        assertThat(button.contextWamid()).isEqualTo("wamid.FQIAEhgUQUZBNzQxNDg0RDc5NDA0RDZDMEQA");
        assertThat(button.timestamp()).isEqualTo(Instant.ofEpochSecond(1767263005));
        assertThat(button.phoneNumberId()).isEqualTo("200000000000001");
    }

    @Test
    void mediaListsAndLocationsKeepWhatAPersonReads() throws Exception {
        InboundMessage image = parse("02-inbound-image-caption.json").messages().get(0);
        InboundMessage document = parse("03-inbound-document.json").messages().get(0);
        InboundMessage list = parse("05-inbound-interactive-list-reply.json").messages().get(0);
        InboundMessage location = parse("06-inbound-location.json").messages().get(0);

        assertThat(image.caption()).isEqualTo("This is the scratch on the lid");
        assertThat(image.media().sha256())
            .isEqualTo("byUuHYXJ32MIy7V0qnZPy4011HfpzKCt+mJXYX8f/9c=");
        assertThat(image.media().url()).startsWith("https://lookaside.fbsbx.com/");
        assertThat(document.media().filename()).isEqualTo("invoice-4471.pdf");
        assertThat(document.media().url()).isNull();
        assertThat(list.text()).isEqualTo("Express (1-2 days)");
        assertThat(location.text()).isEqualTo("Example Pickup Point");
        assertThat(location.rawJson()).contains("-23.561414");
    }

    @Test
    void statusesKeepTheirErrorsAndTemplatesTheirIntegerIds() throws Exception {
        StatusUpdate failed = parse("10-status-failed-131047.json").statuses().get(0);
        StatusUpdate read = parse("09-status-read.json").statuses().get(0);
        TemplateUpdate template = parse("12-template-status-update.json").templates().get(0);

        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.errorCode()).isEqualTo(131047);
        assertThat(failed.errorTitle()).isEqualTo("Re-engagement message");
        assertThat(failed.errorDetail()).contains("more than 24 hours");
        assertThat(read.status()).isEqualTo("read");
        assertThat(read.errorCode()).isNull();
        assertThat(template.metaId()).isEqualTo("900000000000001");
        assertThat(template.event()).isEqualTo("APPROVED");
        assertThat(template.time()).isEqualTo(Instant.ofEpochSecond(1767264000));
        assertThat(template.wabaId()).isEqualTo("100000000000001");
    }

    @Test
    void unknownTypesAreKeptAsUnsupportedAndUsersWithoutNumbersByTheirBusinessId()
        throws Exception {
        ParsedWebhook parsed = parseText("{\"entry\":[{\"changes\":[{\"field\":\"messages\","
            + "\"value\":{\"metadata\":{\"phone_number_id\":\"1\"},\"contacts\":[{\"profile\":"
            + "{\"name\":\"Zé\",\"username\":\"ze\"},\"user_id\":\"BR.123\"}],\"messages\":["
            + "{\"from_user_id\":\"BR.123\",\"id\":\"wamid.x\",\"timestamp\":\"oops\","
            + "\"type\":\"edit\",\"edit\":{}},{\"id\":\"wamid.r\",\"from\":\"5511\","
            + "\"timestamp\":1767261600,\"type\":\"reaction\",\"reaction\":{\"message_id\":"
            + "\"wamid.t\"}},{\"from\":\"no id\"}]}},{\"field\":\"account_update\","
            + "\"value\":{}}]}]}");

        assertThat(parsed.messages()).hasSize(2);
        InboundMessage edit = parsed.messages().get(0);
        assertThat(edit.type()).isEqualTo("unsupported");
        assertThat(edit.rawJson()).contains("\"type\":\"edit\"");
        assertThat(edit.waId()).isNull();
        assertThat(edit.userId()).isEqualTo("BR.123");
        assertThat(edit.username()).isEqualTo("ze");
        assertThat(edit.timestamp()).isEqualTo(NOW);
        InboundMessage reaction = parsed.messages().get(1);
        assertThat(reaction.text()).isEmpty();
        assertThat(reaction.contextWamid()).isEqualTo("wamid.t");
    }

    @Test
    void jsonThatIsNotAWebhookIsRefused() {
        assertThatThrownBy(() -> parseText("[1,2,3]"))
            .isInstanceOf(UnprocessableWebhook.class);
        assertThatThrownBy(() -> parseText("{\"object\":\"page\"}"))
            .isInstanceOf(UnprocessableWebhook.class);
    }
}
