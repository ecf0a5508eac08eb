package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared fixtures through the real webhook: signature, inbox, processor, rows. Our two
 * outbound messages (the ones the status fixtures talk about) are seeded first.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String SENT_WAMID = "wamid.FQIAEhgUMkY2MUNENjg5ODc3Mzk4QTQwOTAA";
    static final String FAILED_WAMID = "wamid.FQIAEhgUMDE5MjI2Q0QzMDVFNDg2QTlBODgA";
    static Seeds seeds;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        long number = seeds.whatsAppNumber(WhatsAppFixtures.PHONE_NUMBER_ID,
            WhatsAppFixtures.DISPLAY_NUMBER, sales, null);
        seeds.jdbi().useHandle(handle -> {
            handle.execute("INSERT INTO contacts (public_id, wa_id, name, phone, created_at, "
                + "updated_at) VALUES ('contact-ana-000000000', '15550109001', 'Ana', "
                + "'15550109001', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
            handle.execute("INSERT INTO conversations (public_id, contact_id, wa_number_id, "
                + "department_id, owner, open_flag, last_message_at, created_at, updated_at) "
                + "SELECT 'conversation-ana-00000', id, ?, ?, 'QUEUE', 1, UTC_TIMESTAMP(6), "
                + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM contacts", number, sales);
            for (String wamid : List.of(SENT_WAMID, FAILED_WAMID)) {
                handle.execute("INSERT INTO messages (public_id, conversation_id, direction, "
                    + "wa_message_id, type, body, status, status_rank, sent_at, created_at, "
                    + "updated_at) SELECT ?, id, 'outbound', ?, 'text', 'Olá', 'accepted', 1, "
                    + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM conversations",
                    "out-" + wamid.substring(wamid.length() - 17), wamid);
            }
        });
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    private static int port() {
        return APP.getLocalPort();
    }

    @Test
    @Order(1)
    void everyFixtureProducesExactlyTheExpectedRows() {
        for (String name : WhatsAppFixtures.names()) {
            assertThat(WhatsAppFixtures.postFixture(port(), name).statusCode()).as(name)
                .isEqualTo(200);
        }
        seeds.awaitInboxDrained(Duration.ofSeconds(20));

        assertExpectedRows();
        assertThat(seeds.count("webhook_inbox", "state = 'DONE'")).isEqualTo(12);
        assertThat(text("SELECT name FROM contacts WHERE wa_id = '447700900123'"))
            .isEqualTo("José Martín");
        assertThat(text("SELECT body FROM messages WHERE wa_message_id = "
            + "'wamid.FQIAEhgUMDI1OEJFRTJFNzYwQjY3NzVBMDMA'"))
            .isEqualTo("Hi! Is the blue model back in stock?");
        assertThat(text("SELECT CONCAT(type, '|', body, '|', context_wa_id) FROM messages "
            + "WHERE wa_message_id = 'wamid.FQIAEhgUNjU0RDFCM0I1MDA1OTc0OTUyRjAA'"))
            .isEqualTo("interactive|Confirm|wamid.FQIAEhgUQkRGMUI4RjMyNDIwQzVGNkFFMzgA");
        assertThat(text("SELECT CONCAT(type, '|', body) FROM messages WHERE wa_message_id = "
            + "'wamid.FQIAEhgURTc3M0U0OTlCQ0ZDRUJENjNGNDkA'"))
            .isEqualTo("interactive|Express (1-2 days)");
        assertThat(text("SELECT CONCAT(type, '|', body) FROM messages WHERE wa_message_id = "
            + "'wamid.FQIAEhgUQUVCMDIxREU1QUU2NEZBQzY1QzMA'"))
            .isEqualTo("location|Example Pickup Point");
        assertThat(text("SELECT CONCAT(m.type, '|', m.caption, '|', md.mime_type, '|', "
            + "md.wa_media_id) FROM messages m JOIN wa_media md ON md.id = m.media_id WHERE "
            + "m.wa_message_id = 'wamid.FQIAEhgUNEJBN0UxRjgzMzg2RjRERTU5RTgA'"))
            .isEqualTo("image|This is the scratch on the lid|image/jpeg|3000000000000101");
        assertThat(text("SELECT CONCAT(m.type, '|', md.filename) FROM messages m JOIN wa_media "
            + "md ON md.id = m.media_id WHERE m.wa_message_id = "
            + "'wamid.FQIAEhgUMUY1QzkyREVGNDAxRDI0MUEwODUA'"))
            .isEqualTo("document|invoice-4471.pdf");
        assertThat(text("SELECT CONCAT(type, '|', body) FROM messages WHERE wa_message_id = "
            + "'wamid.FQIAEhgUMUVCNzJBODM4RUI2OUY1NDE0MTQA'")).isEqualTo("button|Reschedule");
        assertThat(text("SELECT CONCAT(status, '|', category) FROM wa_templates WHERE name = "
            + "'order_shipped_v2' AND language = 'en_US'")).isEqualTo("APPROVED|UTILITY");
    }

    @Test
    @Order(2)
    void replayingEveryFixtureThreeTimesInShuffledOrderChangesNothing() {
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posts.addAll(WhatsAppFixtures.names());
        }
        long seed = System.nanoTime();
        Collections.shuffle(posts, new Random(seed));
        posts.add(0, "09-status-read.json");
        posts.add(1, "08-status-delivered.json");
        posts.add(2, "07-status-sent.json");
        for (String name : posts) {
            assertThat(WhatsAppFixtures.postFixture(port(), name).statusCode())
                .as("%s (shuffle seed %d)", name, seed).isEqualTo(200);
        }
        seeds.awaitInboxDrained(Duration.ofSeconds(30));

        assertExpectedRows();
    }

    private void assertExpectedRows() {
        assertThat(seeds.count("contacts", "TRUE")).isEqualTo(2);
        assertThat(seeds.count("conversations", "TRUE")).isEqualTo(2);
        assertThat(seeds.count("messages", "direction = 'inbound'")).isEqualTo(9);
        assertThat(seeds.count("messages", "direction = 'outbound'")).isEqualTo(2);
        assertThat(seeds.count("wa_media", "TRUE")).isEqualTo(3);
        assertThat(seeds.count("message_statuses", "TRUE")).isEqualTo(4);
        assertThat(seeds.count("wa_templates", "TRUE")).isEqualTo(1);
        assertThat(seeds.count("conversations c JOIN contacts ct ON ct.id = c.contact_id",
            "ct.wa_id = '15550109001' AND c.department_id IS NOT NULL")).isEqualTo(1);
        assertThat(text("SELECT status FROM messages WHERE wa_message_id = '" + SENT_WAMID + "'"))
            .isEqualTo("read");
        assertThat(text("SELECT CONCAT(status, '|', error_code, '|', error_title) FROM messages "
            + "WHERE wa_message_id = '" + FAILED_WAMID + "'"))
            .isEqualTo("failed|131047|Re-engagement message");
        assertThat(seeds.count("messages", "direction = 'inbound' AND wa_message_id IN ("
            + "SELECT wa_message_id FROM messages GROUP BY wa_message_id HAVING COUNT(*) > 1)"))
            .isZero();
    }

    @Test
    @Order(3)
    void forgedOrMissingSignaturesAreRefusedAndNothingIsStored() {
        long before = seeds.count("webhook_inbox", "TRUE");
        byte[] body = WhatsAppFixtures.bytes("01-inbound-text.json");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("blue", "Blue")
            .getBytes(StandardCharsets.UTF_8);
        Map<String, String> signatures = WhatsAppFixtures.signatures();

        List<HttpResponse<String>> answers = List.of(
            WhatsAppFixtures.post(port(), body, null),
            WhatsAppFixtures.post(port(), body, signatures.get("02-inbound-image-caption.json")),
            WhatsAppFixtures.post(port(), tampered, signatures.get("01-inbound-text.json")),
            WhatsAppFixtures.post(port(), body, WhatsAppFixtures.sign(body, "another-secret")),
            WhatsAppFixtures.post(port(), body, "sha1=abc"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).contains("\"code\":\"invalid_signature\"");
        });
        assertThat(seeds.count("webhook_inbox", "TRUE")).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aBodyOverThreeMegabytesIsRefusedWith413AndNotStored() {
        long before = seeds.count("webhook_inbox", "TRUE");
        byte[] big = new byte[3 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';

        HttpResponse<String> answer = WhatsAppFixtures.post(port(), big,
            WhatsAppFixtures.sign(big, WhatsAppFixtures.APP_SECRET));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(seeds.count("webhook_inbox", "TRUE")).isEqualTo(before);
    }

    @Test
    @Order(5)
    void malformedJsonWithAValidSignatureIsAcknowledgedAndParked() {
        byte[] broken = "{\"object\":\"whatsapp_business_account\",\"entry\":[".getBytes(
            StandardCharsets.UTF_8);

        HttpResponse<String> answer = WhatsAppFixtures.post(port(), broken,
            WhatsAppFixtures.sign(broken, WhatsAppFixtures.APP_SECRET));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(seeds.count("webhook_inbox", "state = 'PARKED' AND error LIKE 'malformed%'"))
            .isEqualTo(1);
    }

    @Test
    @Order(6)
    void verificationEchoesTheChallengeOnlyForOurToken() throws Exception {
        HttpResponse<String> ok = get("/webhooks/whatsapp?hub.mode=subscribe"
            + "&hub.verify_token=test-verify-token&hub.challenge=1158201444");
        HttpResponse<String> wrong = get("/webhooks/whatsapp?hub.mode=subscribe"
            + "&hub.verify_token=nope&hub.challenge=1158201444");
        HttpResponse<String> noMode = get("/webhooks/whatsapp?hub.verify_token=test-verify-token"
            + "&hub.challenge=1158201444");

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(noMode.statusCode()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void aMessageForADeactivatedNumberIsParkedAndNotRecorded() {
        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE wa_numbers SET active = FALSE "
            + "WHERE phone_number_id = ?", WhatsAppFixtures.PHONE_NUMBER_ID));
        try {
            byte[] body = WhatsAppFixtures.textMessages(List.<String[]>of(new String[] {
                "wamid.deactivated-number-1", "5511955507001", "Ainda atendem?"}),
                System.currentTimeMillis() / 1000);

            assertThat(WhatsAppFixtures.postSigned(port(), body).statusCode()).isEqualTo(200);

            Seeds.await("parked", Duration.ofSeconds(10), () -> seeds.count("webhook_inbox",
                "state = 'PARKED' AND error LIKE '%deactivated%'") == 1);
            assertThat(seeds.count("messages", "wa_message_id = 'wamid.deactivated-number-1'"))
                .isZero();
            assertThat(seeds.count("contacts", "wa_id = '5511955507001'")).isZero();
        } finally {
            seeds.jdbi().useHandle(handle -> handle.execute("UPDATE wa_numbers SET active = "
                + "TRUE WHERE phone_number_id = ?", WhatsAppFixtures.PHONE_NUMBER_ID));
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static String text(String sql) {
        return seeds.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(String.class).one());
    }
}
