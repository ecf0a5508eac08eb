package com.balcao.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.BearerApi;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conversations REST API over what the shared fixtures create: Ana's conversation stays in
 * Comercial, José's is moved to Financeiro, so each agent sees only one of them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConversationsApiIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static String salesAgent;
    static String financeAgent;
    static String admin;
    static String ana;
    static String jose;

    @BeforeAll
    static void seed() {
        Seeds seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        long finance = seeds.department("Financeiro", "financeiro");
        seeds.whatsAppNumber(WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER,
            sales, null);
        salesAgent = TestApp.randomEmail("sales");
        financeAgent = TestApp.randomEmail("finance");
        admin = TestApp.randomEmail("admin");
        seeds.person(salesAgent, PASSWORD, Role.AGENT, List.of(sales));
        seeds.person(financeAgent, PASSWORD, Role.AGENT, List.of(finance));
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        for (String name : List.of("01-inbound-text.json", "02-inbound-image-caption.json",
            "03-inbound-document.json", "04-inbound-interactive-button-reply.json",
            "05-inbound-interactive-list-reply.json", "06-inbound-location.json",
            "11-batch-3-messages-2-contacts.json", "12-template-status-update.json")) {
            assertThat(WhatsAppFixtures.postFixture(APP.getLocalPort(), name).statusCode())
                .isEqualTo(200);
        }
        seeds.awaitInboxDrained(Duration.ofSeconds(20));
        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE conversations c JOIN contacts ct "
            + "ON ct.id = c.contact_id SET c.department_id = ? WHERE ct.wa_id = '447700900123'",
            finance));
        ana = api(admin).get("/api/v1/conversations?waId=15550109001").json()
            .path("items").path(0).path("id").asText();
        jose = api(admin).get("/api/v1/conversations?waId=447700900123").json()
            .path("items").path(0).path("id").asText();
        holding(api(financeAgent), jose);
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    static BearerApi api(String email) {
        return BearerApi.login(APP.getLocalPort(), email, PASSWORD);
    }

    /** The client, once it holds the conversation (only the holder writes to the customer). */
    static BearerApi holding(BearerApi client, String conversation) {
        assertThat(client.post("/api/v1/conversations/" + conversation + "/take", Map.of())
            .status()).isEqualTo(200);
        return client;
    }

    @Test
    void anAgentListsOnlyTheConversationsOfTheirDepartments() {
        JsonNode page = api(salesAgent).get("/api/v1/conversations").json();

        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("nextCursor").isNull()).isTrue();
        JsonNode conversation = page.path("items").path(0);
        assertThat(conversation.path("id").asText()).isEqualTo(ana).hasSizeGreaterThan(20);
        assertThat(conversation.path("status").asText()).isEqualTo("open");
        assertThat(conversation.path("department").path("name").asText()).isEqualTo("Comercial");
        assertThat(conversation.path("assignee").isNull()).isTrue();
        assertThat(conversation.path("contact").path("waId").asText()).isEqualTo("15550109001");
        assertThat(conversation.path("contact").path("name").asText()).isEqualTo("Ana Souza");
        assertThat(conversation.path("contact").path("phone").asText()).isEqualTo("15550109001");
        assertThat(conversation.path("contact").path("id").asText()).isNotBlank();
    }

    @Test
    void anotherDepartmentsConversationIsNotFoundRatherThanForbidden() {
        BearerApi finance = api(financeAgent);

        assertThat(finance.get("/api/v1/conversations/" + jose).status()).isEqualTo(200);
        for (BearerApi.Answer answer : List.of(
            finance.get("/api/v1/conversations/" + ana),
            finance.get("/api/v1/conversations/" + ana + "/messages"),
            finance.post("/api/v1/conversations/" + ana + "/messages",
                Map.of("type", "text", "text", "Oi")),
            finance.get("/api/v1/conversations/does-not-exist"))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().path("code").asText()).isEqualTo("not_found");
        }
    }

    @Test
    void messagesComeNewestFirstWithTheirTypeSpecificDetails() {
        JsonNode items = api(salesAgent).get("/api/v1/conversations/" + ana + "/messages")
            .json().path("items");

        assertThat(items).hasSize(6);
        assertThat(items.path(0).path("type").asText()).isEqualTo("button");
        assertThat(items.path(0).path("text").asText()).isEqualTo("Reschedule");
        assertThat(items.path(5).path("text").asText())
            .isEqualTo("Hi! Is the blue model back in stock?");
        JsonNode image = find(items, "image");
        assertThat(image.path("caption").asText()).isEqualTo("This is the scratch on the lid");
        assertThat(image.path("media").path("mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(image.path("direction").asText()).isEqualTo("inbound");
        JsonNode location = find(items, "location");
        assertThat(location.path("location").path("latitude").asDouble()).isEqualTo(-23.561414);
        JsonNode reply = find(items, "interactive");
        assertThat(reply.path("interactive").path("button_reply").path("id").asText())
            .isEqualTo("confirm-appt-4471");
        assertThat(reply.path("context").path("waMessageId").asText())
            .isEqualTo("wamid.FQIAEhgUQkRGMUI4RjMyNDIwQzVGNkFFMzgA");
        assertThat(items.path(0).path("waMessageId").asText()).startsWith("wamid.");
        assertThat(items.path(0).path("createdAt").asText()).isNotBlank();
    }

    @Test
    void cursorPagingWalksEveryMessageOnceAndEveryConversationOnce() {
        BearerApi client = api(admin);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages == 0 || cursor != null; pages++) {
            BearerApi.Answer answer = client.get("/api/v1/conversations/" + ana
                + "/messages?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(pages).as("pages").isLessThan(3);
            answer.json().path("items").forEach(item -> seen.add(item.path("id").asText()));
            cursor = answer.json().path("nextCursor").textValue();
        }
        JsonNode first = client.get("/api/v1/conversations?limit=1").json();
        JsonNode second = client.get("/api/v1/conversations?limit=1&cursor="
            + first.path("nextCursor").asText()).json();

        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertThat(List.of(first.path("items").path(0).path("id").asText(),
            second.path("items").path(0).path("id").asText())).containsExactlyInAnyOrder(ana, jose);
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void filtersNarrowTheList() {
        BearerApi client = api(admin);

        assertThat(client.get("/api/v1/conversations?waId=447700900123").json().path("items"))
            .hasSize(1);
        assertThat(client.get("/api/v1/conversations?status=closed").json().path("items"))
            .isEmpty();
        assertThat(client.get("/api/v1/conversations?assignee=none").json().path("items"))
            .hasSize(1);
        assertThat(client.get("/api/v1/conversations?assignee=none").json().path("items")
            .path(0).path("id").asText()).isEqualTo(ana);
    }

    @Test
    void badRequestsGetAClearJsonError() {
        BearerApi client = api(admin);

        assertThat(BearerApi.anonymous(APP.getLocalPort()).get("/api/v1/conversations").status())
            .isEqualTo(401);
        assertThat(client.get("/api/v1/conversations?cursor=%25%25").status()).isEqualTo(400);
        assertThat(client.get("/api/v1/conversations?cursor=bm9wZQ").json().path("code")
            .asText()).isEqualTo("invalid_cursor");
        assertThat(client.get("/api/v1/conversations?limit=0").json().path("code").asText())
            .isEqualTo("invalid_limit");
    }

    @Test
    void freeFormMessagesOutsideTheWindowAreRefusedWithAnOfferOfTemplates() {
        BearerApi.Answer answer = holding(api(financeAgent), jose).post(
            "/api/v1/conversations/" + jose + "/messages",
            Map.of("type", "text", "text", "Olá de novo!"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("code").asText()).isEqualTo("window_closed");
        assertThat(answer.json().path("message").asText()).contains("24 horas")
            .contains("modelo (template)");
    }

    @Test
    void anApprovedTemplateMayBeSentOutsideTheWindowButAnUnknownOneMayNot() {
        BearerApi client = holding(api(financeAgent), jose);

        BearerApi.Answer approved = client.post("/api/v1/conversations/" + jose + "/messages",
            Map.of("type", "template", "template", Map.of("name", "order_shipped_v2",
                "language", "en_US")));
        BearerApi.Answer unknown = client.post("/api/v1/conversations/" + jose + "/messages",
            Map.of("type", "template", "template", Map.of("name", "nope", "language", "pt_BR")));

        assertThat(approved.status()).isEqualTo(201);
        assertThat(approved.json().path("type").asText()).isEqualTo("template");
        assertThat(approved.json().path("direction").asText()).isEqualTo("outbound");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("code").asText()).isEqualTo("template_not_approved");
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesOneMessage() {
        BearerApi client = holding(api(financeAgent), jose);
        Map<String, Object> body = Map.of("type", "template", "template",
            Map.of("name", "order_shipped_v2", "language", "en_US"));
        Map<String, String> key = Map.of("Idempotency-Key", "click-" + System.nanoTime());

        BearerApi.Answer first = client.post("/api/v1/conversations/" + jose + "/messages", body,
            key);
        BearerApi.Answer second = client.post("/api/v1/conversations/" + jose + "/messages", body,
            key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(new Seeds(DB).count("messages", "idempotency_key = '"
            + key.get("Idempotency-Key") + "'")).isEqualTo(1);
        assertThat(new Seeds(DB).count("wa_outbox o JOIN messages m ON m.id = o.message_id",
            "m.idempotency_key = '" + key.get("Idempotency-Key") + "'")).isEqualTo(1);
    }

    @Test
    void invalidSendRequestsAreRefusedWithWhatToFix() {
        BearerApi client = holding(api(financeAgent), jose);
        String path = "/api/v1/conversations/" + jose + "/messages";

        assertThat(client.post(path, Map.of("type", "carrier-pigeon")).json().path("code")
            .asText()).isEqualTo("invalid_type");
        assertThat(client.post(path, Map.of("type", "image", "media",
            Map.of("link", "http://insecure.example/x.jpg"))).json().path("code").asText())
            .isEqualTo("invalid_media");
        assertThat(client.post(path, Map.of("type", "text", "text", "x".repeat(4097)))
            .json().path("code").asText()).isEqualTo("too_long");
    }

    private static JsonNode find(JsonNode items, String type) {
        for (JsonNode item : items) {
            if (type.equals(item.path("type").asText())) {
                return item;
            }
        }
        throw new AssertionError("No " + type + " message in " + items);
    }
}
