package com.balcao.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.CustomerPhones;
import com.balcao.app.support.BearerApi;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The inbox's actions as integrations use them through the REST API: the same one holder, the
 * same system lines, nothing sent to the customer.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConversationHandlingApiIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static final String PASSWORD = "senha-forte-123";
    static final java.util.concurrent.atomic.AtomicInteger CUSTOMERS =
        new java.util.concurrent.atomic.AtomicInteger();
    static Seeds seeds;
    static CustomerPhones phones;
    static long sales;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        sales = seeds.department("Comercial", "comercial");
        String admin = TestApp.randomEmail("admin");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        phones = CustomerPhones.connect(APP, seeds, sales, admin, PASSWORD);
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    void integrationsTakeOverNoteTransferAndResolveThroughTheApi() {
        String doraEmail = TestApp.randomEmail("dora");
        String eliEmail = TestApp.randomEmail("eli");
        seeds.person(doraEmail, PASSWORD, Role.AGENT, List.of(sales));
        long eli = seeds.person(eliEmail, PASSWORD, Role.AGENT, List.of(sales));
        BearerApi dora = BearerApi.login(APP.getLocalPort(), doraEmail, PASSWORD);
        BearerApi other = BearerApi.login(APP.getLocalPort(), eliEmail, PASSWORD);
        String customer = "55119" + (87000000 + CUSTOMERS.incrementAndGet());
        phones.write(customer, "Cliente API", "Quero falar com alguém");
        String id = phones.conversationOf(customer);
        String base = "/api/v1/conversations/" + id;

        BearerApi.Answer taken = dora.post(base + "/take", Map.of());
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.json().path("assignee").path("name").asText()).isEqualTo("Pessoa agent");
        assertThat(taken.json().path("unreadCount").asInt()).isZero();
        BearerApi.Answer refused = other.post(base + "/take", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("conversation_taken");

        BearerApi.Answer note = dora.post(base + "/notes", Map.of("text", "Cliente antigo"));
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().path("direction").asText()).isEqualTo("note");
        assertThat(dora.post(base + "/notes", Map.of("text", " ")).status()).isEqualTo(422);

        BearerApi.Answer moved = dora.post(base + "/transfer", Map.of("assigneeId", eli,
            "reason", "Especialista"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("assignee").path("id").asLong()).isEqualTo(eli);
        assertThat(other.post(base + "/resolve", Map.of()).json().path("status").asText())
            .isEqualTo("resolved");
        JsonNode timeline = other.get(base + "/messages").json().path("items");
        assertThat(timeline.findValuesAsText("text")).contains(
            "Pessoa agent encerrou a conversa.",
            "Pessoa agent transferiu a conversa para Pessoa agent (Comercial). Motivo: Especialista",
            "Cliente antigo", "Pessoa agent assumiu a conversa.");
        assertThat(seeds.count("wa_outbox", "kind <> 'read' AND recipient = '" + customer + "'"))
            .as("nothing of this reached the customer").isZero();
    }
}
