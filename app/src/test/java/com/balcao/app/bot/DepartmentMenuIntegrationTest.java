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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's department menu end to end: signed webhooks in through the simulator's phone,
 * the bot's answers out through the outbox and the fake Graph API back to the phone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DepartmentMenuIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"),
        ConfigOverride.config("tenant.name", "Clínica Demo"));
    static final String PASSWORD = "senha-forte-123";
    static Seeds seeds;
    static BotPhones phones;
    static BearerApi admin;
    static long lab;
    static long comercial;
    static long financeiro;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        lab = department("Laboratório", "laboratorio", "laboratório, exame, resultado");
        comercial = department("Comercial", "comercial", "comprar, orçamento, preço");
        financeiro = department("Financeiro", "financeiro", "boleto, pagamento, nota fiscal");
        department("Administrativo", "administrativo", "documentos, cadastro");
        String adminEmail = TestApp.randomEmail("admin");
        seeds.person(adminEmail, PASSWORD, Role.ADMIN, List.of());
        phones = BotPhones.connect(APP, seeds, comercial, adminEmail, PASSWORD);
        admin = BearerApi.login(APP.getLocalPort(), adminEmail, PASSWORD);
        new FlowStore(seeds.jdbi(), Clock.systemUTC()).install("department_menu", true);
    }

    static long department(String name, String slug, String keywords) {
        long id = seeds.department(name, slug);
        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE departments SET menu_keywords = ? "
            + "WHERE id = ?", keywords, id));
        return id;
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    void aNewCustomerGetsTheMenuAndEachWayOfAnsweringReachesTheLaboratoryQueue() {
        for (String answer : List.of("1", "lab", "LABORATÓRIO", "quero o laboratorio")) {
            String customer = BotPhones.newCustomer();
            phones.write(customer, "oi");

            List<String> menu = phones.awaitReceived(customer, 2);
            assertThat(menu.get(0)).isEqualTo("Olá, Maria! 👋 Bem-vindo(a) à Clínica Demo.");
            assertThat(menu.get(1)).contains("1 - Laboratório", "2 - Comercial",
                "3 - Financeiro", "4 - Administrativo");
            assertThat(phones.botOwns(customer)).isTrue();

            phones.write(customer, answer);
            Seeds.await("routed on " + answer, Duration.ofSeconds(15),
                () -> !phones.botOwns(customer));
            JsonNode conversation = admin.get("/api/v1/conversations/"
                + phones.publicId(customer)).json();
            assertThat(conversation.path("department").path("name").asText()).as(answer)
                .isEqualTo("Laboratório");
            assertThat(conversation.path("botActive").asBoolean()).isFalse();
            assertThat(conversation.path("assignee").isMissingNode()
                || conversation.path("assignee").isNull()).isTrue();
            assertThat(phones.awaitReceived(customer, 3).get(2)).as(answer)
                .startsWith("Certo! Sua conversa foi encaminhada para o Laboratório");
        }
    }

    @Test
    void theBotsMessagesAreMarkedAsTheBotsInTheApi() {
        String customer = BotPhones.newCustomer();
        phones.write(customer, "bom dia");
        phones.awaitReceived(customer, 2);

        JsonNode items = admin.get("/api/v1/conversations/" + phones.publicId(customer)
            + "/messages").json().path("items");
        assertThat(items.findValuesAsText("sender")).containsExactly("bot", "bot", "customer");
    }

    @Test
    void twoAnswersTheBotCannotPlaceHandOverAndThenItStaysSilent() {
        String customer = BotPhones.newCustomer();
        phones.write(customer, "oi");
        phones.awaitReceived(customer, 2);
        phones.write(customer, "qual o horário de vocês?");
        assertThat(phones.awaitReceived(customer, 4).subList(2, 4).get(0))
            .startsWith("Desculpe, não entendi");
        phones.write(customer, "???");

        assertThat(phones.awaitReceived(customer, 5).get(4)).startsWith("Não consegui entender");
        Seeds.await("handed over", Duration.ofSeconds(10), () -> !phones.botOwns(customer));
        assertThat(phones.departmentOf(customer)).isEqualTo("comercial");
        long before = phones.botMessages(customer);
        phones.write(customer, "alô?");
        phones.awaitBotIdle();
        assertThat(phones.botMessages(customer)).isEqualTo(before);
    }

    @Test
    void greetsACustomerOnceIn24HoursEvenAcrossConversations() {
        String customer = BotPhones.newCustomer();
        phones.write(customer, "oi");
        phones.awaitReceived(customer, 2);
        phones.write(customer, "3");
        Seeds.await("routed", Duration.ofSeconds(10), () -> !phones.botOwns(customer));
        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE conversations SET "
            + "owner = 'CLOSED', open_flag = NULL WHERE id = ?",
            phones.conversationId(customer)));

        phones.write(customer, "oi de novo");
        List<String> again = phones.awaitReceived(customer, 4);
        assertThat(again.get(3)).startsWith("Como podemos ajudar?");
        phones.awaitBotIdle();
        assertThat(phones.received(customer)).hasSize(4);
    }

    @Test
    void aReturningCustomerIsOfferedTheirLastDepartment() {
        String customer = BotPhones.newCustomer();
        long agent = seeds.person(TestApp.randomEmail("fin"), PASSWORD, Role.AGENT,
            List.of(financeiro));
        phones.write(customer, "oi");
        phones.awaitReceived(customer, 2);
        long first = phones.conversationId(customer);
        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE conversations SET "
            + "department_id = ?, assignee_id = ?, owner = 'CLOSED', open_flag = NULL "
            + "WHERE id = ?", financeiro, agent, first));

        phones.write(customer, "Olá, sou eu de novo");
        assertThat(phones.awaitReceived(customer, 3).get(2)).isEqualTo("Olá, Maria! Você foi "
            + "atendido pelo Financeiro. Deseja voltar a falar com eles?\n\n1 - Sim\n2 - Não");
        phones.write(customer, "sim");

        Seeds.await("back to Financeiro", Duration.ofSeconds(10),
            () -> !phones.botOwns(customer));
        assertThat(phones.departmentOf(customer)).isEqualTo("financeiro");
    }

    @Test
    void returningToTheBotStartsTheFlowOverAndTheTimeoutQueuesIt() {
        String customer = BotPhones.newCustomer();
        phones.write(customer, "oi");
        phones.awaitReceived(customer, 2);
        String id = phones.publicId(customer);
        assertThat(admin.post("/api/v1/conversations/" + id + "/take", Map.of()).status())
            .isEqualTo(200);
        assertThat(admin.post("/api/v1/conversations/" + id + "/return-to-bot", Map.of())
            .status()).isEqualTo(200);

        assertThat(phones.awaitReceived(customer, 3).get(2)).startsWith("Como podemos ajudar?");
        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE bot_sessions SET "
            + "last_activity_at = last_activity_at - INTERVAL 31 MINUTE, timeout_at = "
            + "timeout_at - INTERVAL 31 MINUTE WHERE conversation_id = ?",
            phones.conversationId(customer)));

        assertThat(phones.awaitReceived(customer, 4).get(3))
            .startsWith("Como não tivemos resposta");
        Seeds.await("queued", Duration.ofSeconds(10), () -> !phones.botOwns(customer));
        assertThat(phones.departmentOf(customer)).isEqualTo("comercial");
    }
}
