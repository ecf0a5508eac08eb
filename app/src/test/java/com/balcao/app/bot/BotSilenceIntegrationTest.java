package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.BearerApi;
import com.balcao.app.support.InboxPanel;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bot never speaks after a person took the conversation over (Chatwoot #5139). */
@ExtendWith(DropwizardExtensionsSupport.class)
class BotSilenceIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static final String PASSWORD = "senha-forte-123";
    static Seeds seeds;
    static BotPhones phones;
    static BearerApi agent;
    static long agentId;
    static String agentEmail;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        seeds.department("Financeiro", "financeiro");
        String adminEmail = TestApp.randomEmail("admin");
        seeds.person(adminEmail, PASSWORD, Role.ADMIN, List.of());
        agentEmail = TestApp.randomEmail("ana");
        agentId = seeds.person(agentEmail, PASSWORD, Role.AGENT, List.of(sales));
        phones = BotPhones.connect(APP, seeds, sales, adminEmail, PASSWORD);
        agent = BearerApi.login(APP.getLocalPort(), agentEmail, PASSWORD);
        new FlowStore(seeds.jdbi(), Clock.systemUTC()).install("department_menu", true);
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    /**
     * The customer's answer is processed while a take over holds the conversation: the take
     * over commits first, and the bot, once it gets the conversation, finds a person holding
     * it and says nothing.
     */
    @Test
    void aMessageProcessedDuringATakeOverGetsNoBotReplyAfterItCommits() throws Exception {
        String customer = BotPhones.newCustomer();
        phones.write(customer, "oi");
        phones.awaitReceived(customer, 2);
        long conversation = phones.conversationId(customer);

        try (Handle takeOver = seeds.jdbi().open()) {
            takeOver.begin();
            takeOver.createQuery("SELECT id FROM conversations WHERE id = :id FOR UPDATE")
                .bind("id", conversation).mapTo(Long.class).one();
            CompletableFuture<Void> answer = CompletableFuture.runAsync(
                () -> phones.phone.type(customer, "Maria Souza", "blablabla"));
            answer.get();
            Thread.sleep(500);
            takeOver.execute("UPDATE conversations SET assignee_id = ?, owner = 'AGENT' "
                + "WHERE id = ?", agentId, conversation);
            takeOver.commit();
        }

        Seeds.await("answer recorded", Duration.ofSeconds(20), () -> seeds.count("messages",
            "conversation_id = " + conversation + " AND body = 'blablabla'") == 1);
        phones.awaitBotIdle();
        Thread.sleep(500);
        assertThat(phones.botMessages(customer)).isEqualTo(2);
        assertThat(phones.received(customer)).hasSize(2);
    }

    /**
     * The owner answers from the WhatsApp Business app on the phone (coexistence echo): it is
     * recorded as the business phone's message, the bot stops on that conversation and it
     * leaves the queue, until someone in the panel takes it over.
     */
    @Test
    void aReplyFromTheBusinessPhoneIsRecordedAndSilencesTheBot() {
        String customer = "15550109001";
        phones.write(customer, "oi");
        phones.awaitReceived(customer, 2);
        assertThat(phones.botOwns(customer)).isTrue();

        assertThat(WhatsAppFixtures.postSigned(APP.getLocalPort(),
            WhatsAppFixtures.bytes("13-smb-message-echo.json")).statusCode()).isEqualTo(200);
        Seeds.await("echo recorded", Duration.ofSeconds(20), () -> seeds.count("messages",
            "sender_kind = 'business_phone' AND direction = 'outbound' AND body LIKE "
            + "'Oi Ana! Chegou sim%'") == 1);
        assertThat(phones.botOwns(customer)).isFalse();
        String id = phones.publicId(customer);
        var conversation = agent.get("/api/v1/conversations/" + id).json();
        assertThat(conversation.path("owner").asText()).isEqualTo("AGENT");
        assertThat(conversation.path("assignee").isNull()).isTrue();
        assertThat(seeds.count("conversations", "public_id = '" + id + "' AND owner = 'QUEUE'"))
            .as("the conversation left the queue").isZero();
        assertThat(WhatsAppFixtures.postSigned(APP.getLocalPort(),
            WhatsAppFixtures.bytes("13-smb-message-echo.json")).statusCode()).isEqualTo(200);

        phones.write(customer, "1");
        phones.awaitBotIdle();
        assertThat(phones.botMessages(customer)).isEqualTo(2);
        assertThat(seeds.count("messages", "sender_kind = 'business_phone'")).isEqualTo(1);
        String state = InboxPanel.signIn(APP.getLocalPort(), agentEmail, PASSWORD)
            .get("/inbox/c/" + id + "/state").body();
        assertThat(state).contains("Com o celular da empresa").contains("id=\"take-over\"")
            .doesNotContain("Na fila");
        assertThat(agent.post("/api/v1/conversations/" + id + "/take", Map.of()).status())
            .as("anyone in the panel may take it from the phone").isEqualTo(200);
        String items = agent.get("/api/v1/conversations/" + id
            + "/messages").json().path("items").toString();
        assertThat(items).contains("\"sender\":\"business_phone\"");
    }

    /** Races through the real API: whichever commits first, no bot line follows a take over. */
    @Test
    void noBotMessageEverFollowsATakeOverInTheTimeline() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String customer = BotPhones.newCustomer();
            phones.write(customer, "oi");
            customers.add(customer);
        }
        for (String customer : customers) {
            phones.awaitReceived(customer, 2);
        }
        List<CompletableFuture<?>> racing = new ArrayList<>();
        for (String customer : customers) {
            String id = phones.publicId(customer);
            racing.add(CompletableFuture.runAsync(() -> phones.phone.type(customer, "Maria",
                "não sei")));
            racing.add(CompletableFuture.runAsync(() -> assertThat(agent.post(
                "/api/v1/conversations/" + id + "/take", Map.of()).status()).isEqualTo(200)));
        }
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get();
        phones.awaitBotIdle();

        for (String customer : customers) {
            long conversation = phones.conversationId(customer);
            long takenAt = seeds.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM "
                + "messages WHERE conversation_id = :id AND body = 'system_taken_over'")
                .bind("id", conversation).mapTo(Long.class).one());
            assertThat(seeds.count("messages", "conversation_id = " + conversation
                + " AND sender_kind = 'bot' AND id > " + takenAt)).as(customer).isZero();
            assertThat(seeds.count("conversations", "id = " + conversation
                + " AND assignee_id = " + agentId)).isEqualTo(1);
        }
    }
}
