package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
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

/** Admins manage flows, texts and the catalog through the REST API; versions are kept. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BotApiIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static final String PASSWORD = "senha-forte-123";
    static Seeds seeds;
    static BotPhones phones;
    static BearerApi admin;
    static BearerApi agent;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        seeds.department("Financeiro", "financeiro");
        String adminEmail = TestApp.randomEmail("admin");
        seeds.person(adminEmail, PASSWORD, Role.ADMIN, List.of());
        String agentEmail = TestApp.randomEmail("agent");
        seeds.person(agentEmail, PASSWORD, Role.AGENT, List.of(sales));
        phones = BotPhones.connect(APP, seeds, sales, adminEmail, PASSWORD);
        admin = BearerApi.login(APP.getLocalPort(), adminEmail, PASSWORD);
        agent = BearerApi.login(APP.getLocalPort(), agentEmail, PASSWORD);
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    void anEditedTextReachesNewConversationsWhileOnesInProgressFinishOnTheirVersion() {
        assertThat(admin.post("/api/v1/bot/flows/department_menu/activate", Map.of()).status())
            .isEqualTo(200);
        String early = BotPhones.newCustomer();
        phones.write(early, "oi");
        assertThat(phones.awaitReceived(early, 2).get(0)).startsWith("Olá, Maria! 👋");

        BearerApi.Answer edited = admin.put("/api/v1/bot/texts/greeting",
            Map.of("text", "Oi {primeiro_nome}, que bom te ver! 😊"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("version").asInt()).isEqualTo(2);
        assertThat(admin.put("/api/v1/bot/texts/menu", Map.of("text", "Escolha: {apelido}"))
            .json().path("code").asText()).isEqualTo("invalid_flow");

        String late = BotPhones.newCustomer();
        phones.write(late, "oi");
        assertThat(phones.awaitReceived(late, 2).get(0)).isEqualTo("Oi Maria, que bom te ver! 😊");
        long earlyVersion = seeds.jdbi().withHandle(h -> h.createQuery("SELECT v.version FROM "
            + "bot_sessions s JOIN bot_flow_versions v ON v.id = s.version_id "
            + "WHERE s.conversation_id = :id").bind("id", phones.conversationId(early))
            .mapTo(Integer.class).one());
        assertThat(earlyVersion).isEqualTo(1);
        assertThat(admin.get("/api/v1/bot/texts").json().path("texts").path("greeting")
            .asText()).isEqualTo("Oi {primeiro_nome}, que bom te ver! 😊");
    }

    @Test
    void flowsExportImportAndRefuseWhatIsBroken() {
        admin.post("/api/v1/bot/flows/mechanic/activate", Map.of());
        admin.post("/api/v1/bot/flows/department_menu/activate", Map.of());
        JsonNode list = admin.get("/api/v1/bot/flows").json();
        assertThat(list.path("shipped").toString()).contains("iphone_store", "detective");
        assertThat(list.path("items").findValuesAsText("key")).contains("mechanic",
            "department_menu");

        String exported = admin.get("/api/v1/bot/flows/mechanic").body();
        assertThat(exported).contains("\"start\" : \"diagnostico\"");
        BearerApi.Answer imported = admin.put("/api/v1/bot/flows/mechanic", exported);
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().path("version").asInt()).isEqualTo(2);

        String broken = exported.replace("\"state\" : \"sintoma\"", "\"state\" : \"nada\"");
        BearerApi.Answer refused = admin.put("/api/v1/bot/flows/mechanic", broken);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("message").asText()).contains("nada");
        assertThat(admin.put("/api/v1/bot/flows/mechanic", "{oops").status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/bot/flows/mechanic?version=1").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/bot/flows/nope").status()).isEqualTo(404);
        assertThat(agent.get("/api/v1/bot/flows").status()).isEqualTo(403);
    }

    @Test
    void aConversationHandedBackToTheBotStartsOverWhereTheFlowSays() throws Exception {
        admin.post("/api/v1/bot/flows/mechanic/activate", Map.of());
        BearerApi.Answer exported = admin.get("/api/v1/bot/flows/mechanic");
        com.fasterxml.jackson.databind.node.ObjectNode flow =
            (com.fasterxml.jackson.databind.node.ObjectNode) exported.json();
        String plateQuestion = flow.path("texts").path("placa").asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) flow.with("settings"))
            .put("returnTo", "nenhum");
        BearerApi.Answer refused = admin.put("/api/v1/bot/flows/mechanic", flow.toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("message").asText()).contains("nenhum");
        ((com.fasterxml.jackson.databind.node.ObjectNode) flow.with("settings"))
            .put("returnTo", "placa");
        assertThat(admin.put("/api/v1/bot/flows/mechanic", flow.toString()).status())
            .isEqualTo(200);

        String customer = BotPhones.newCustomer();
        phones.write(customer, "oi");
        phones.awaitReceived(customer, 1);
        Thread.sleep(1000);
        int before = phones.received(customer).size();
        String conversation = phones.publicId(customer);
        assertThat(admin.post("/api/v1/conversations/" + conversation + "/take", Map.of())
            .status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/conversations/" + conversation + "/return-to-bot",
            Map.of()).status()).isEqualTo(200);

        assertThat(phones.awaitReceived(customer, before + 1).get(before))
            .as("the bot asks for the plate, not the greeting again").isEqualTo(plateQuestion);
    }

    @Test
    void theConsolePlaysTypedMessagesAndSaysWhyEachMatched() {
        BearerApi.Answer played = admin.post("/api/v1/bot/console", Map.of("flow",
            "department_menu", "messages", List.of("oi", "hmm", "quero falar com o financeiro")));

        assertThat(played.status()).isEqualTo(200);
        JsonNode steps = played.json().path("steps");
        assertThat(steps.get(0).path("bot").get(1).asText()).contains("1 - Comercial",
            "2 - Financeiro");
        assertThat(lines(steps.get(1).path("why"))).contains("answer not placed (1 of 2)");
        assertThat(lines(steps.get(2).path("why")))
            .contains("matched option 2 \"Financeiro\" by TITLE (Financeiro)");
        assertThat(steps.get(2).path("state").isNull()).isTrue();
    }

    private static List<String> lines(JsonNode array) {
        List<String> lines = new java.util.ArrayList<>();
        array.forEach(line -> lines.add(line.asText()));
        return lines;
    }

    @Test
    void theCatalogIsKeptThroughTheApiAndListedByCatalogFlows() {
        BearerApi.Answer created = admin.post("/api/v1/catalog", Map.of("name",
            "iPhone 15 128 GB", "description", "Preto", "priceCents", 499900, "stock", 3));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("price").asText()).isEqualTo("R$ 4.999,00");
        String id = created.json().path("id").asText();
        assertThat(admin.post("/api/v1/catalog", Map.of("name", "")).status()).isEqualTo(422);
        assertThat(admin.put("/api/v1/catalog/" + id, Map.of("name", "iPhone 15",
            "priceCents", 479900)).json().path("price").asText()).isEqualTo("R$ 4.799,00");

        admin.post("/api/v1/bot/flows/iphone_store/activate", Map.of());
        JsonNode steps = admin.post("/api/v1/bot/console", Map.of("messages",
            List.of("oi", "1", "iPhone 15"))).json().path("steps");
        admin.post("/api/v1/bot/flows/department_menu/activate", Map.of());
        assertThat(steps.get(1).path("bot").get(0).asText()).contains("• iPhone 15");
        assertThat(steps.get(2).path("bot").get(0).asText())
            .startsWith("*iPhone 15* sai por R$ 4.799,00.");
        assertThat(admin.delete("/api/v1/catalog/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/catalog").json().path("items").size()).isZero();
    }
}
