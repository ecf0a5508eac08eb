package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.BearerApi;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the bot's sweep does, through the simulator: in every shipped flow, a customer who stops
 * answering is told so once the state's timeout passes, and the conversation leaves the bot (to
 * the team's queue, or closed, as the flow says); a customer message whose turn was lost (the
 * app stopped before the bot answered) still gets its answer.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BotSweepIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"),
        ConfigOverride.config("bot.sweepSeconds", "1"));
    static final String PASSWORD = "senha-forte-123";
    static Seeds seeds;
    static BotPhones phones;
    static BearerApi admin;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        long team = seeds.department("Atendimento", "atendimento");
        String adminEmail = TestApp.randomEmail("admin");
        seeds.person(adminEmail, PASSWORD, Role.ADMIN, List.of());
        phones = BotPhones.connect(APP, seeds, team, adminEmail, PASSWORD);
        admin = BearerApi.login(APP.getLocalPort(), adminEmail, PASSWORD);
        admin.post("/api/v1/catalog", Map.of("name", "iPhone 15", "priceCents", 499900));
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    void aCustomerMessageTheBotNeverAnsweredIsAnsweredByTheSweep() {
        assertThat(admin.post("/api/v1/bot/flows/department_menu/activate", Map.of()).status())
            .isEqualTo(200);
        String customer = BotPhones.newCustomer();
        phones.write(customer, "oi");
        phones.awaitBotIdle();
        int before = phones.received(customer).size();
        long conversation = phones.conversationId(customer);

        seeds.jdbi().useHandle(handle -> handle.execute("INSERT INTO messages (public_id, "
            + "conversation_id, direction, wa_message_id, type, body, status, status_rank, "
            + "sent_at, created_at, updated_at) VALUES (?, ?, 'inbound', ?, 'text', 'atendente', "
            + "'received', 0, UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE, UTC_TIMESTAMP(6) - INTERVAL "
            + "1 MINUTE, UTC_TIMESTAMP(6))", "lost-" + customer, conversation,
            "wamid.lost" + customer));

        List<String> chat = phones.awaitReceived(customer, before + 1);
        assertThat(chat.get(before)).isNotBlank();
        Seeds.await("handed over", Duration.ofSeconds(10), () -> !phones.botOwns(customer));
        phones.awaitBotIdle();
        assertThat(phones.received(customer)).as("answered once").hasSize(before + 1);
    }

    static Stream<String> keys() {
        return FlowJson.SHIPPED.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void aCustomerWhoStopsAnsweringIsToldAndTheBotLetsGo(String key) throws Exception {
        assertThat(admin.post("/api/v1/bot/flows/" + key + "/activate", Map.of()).status())
            .isEqualTo(200);
        String customer = BotPhones.newCustomer();
        phones.write(customer, "oi");
        Seeds.await(key + " waits for an answer", Duration.ofSeconds(15),
            () -> seeds.count("bot_sessions", "conversation_id = (SELECT c.id FROM "
                + "conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.wa_id = '"
                + customer + "')") == 1 && phones.botMessages(customer) > 0
                && phones.received(customer).size() == phones.botMessages(customer));
        int before = phones.received(customer).size();
        assertThat(phones.botOwns(customer)).isTrue();

        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE bot_sessions SET "
            + "last_activity_at = last_activity_at - INTERVAL 2 DAY, timeout_at = "
            + "timeout_at - INTERVAL 2 DAY WHERE conversation_id = ?",
            phones.conversationId(customer)));

        List<String> chat = phones.awaitReceived(customer, before + 1);
        assertThat(chat.get(before)).as(key).startsWith("Como não tivemos resposta");
        Seeds.await(key + " left the bot", Duration.ofSeconds(10),
            () -> !phones.botOwns(customer));
        Thread.sleep(1500);
        assertThat(phones.received(customer)).as(key + ": said once").hasSize(before + 1);
    }
}
