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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each niche flow through the simulator: webhooks in, the bot's replies out to the phone, a bad
 * answer on the way, and the conversation handed to the team at the end with what was
 * collected stored on the contact.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class NicheFlowsIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
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

    static Stream<Arguments> flows() {
        return Stream.of(
            Arguments.of("iphone_store", List.of("oi", "quanto custa?", "1", "1", "1", "pix"),
                "Perfeito! Um vendedor vai confirmar o pedido de *iPhone 15*", null),
            Arguments.of("law_firm", List.of("oi", "é sobre pensão", "Maria Souza", "maria@",
                "maria@exemplo.com", "Preciso revisar a pensão", "aguardar o retorno"),
                "Obrigado, Maria. Um advogado vai analisar", "email = 'maria@exemplo.com'"),
            Arguments.of("mechanic", List.of("oi", "revisão", "placa?", "BRA2E19",
                "troca de óleo e filtros", "2"), "Obrigado! Para o orçamento",
                "custom_fields LIKE '%BRA2E19%'"),
            Arguments.of("nail_designer", List.of("oi", "tchau", "3"), null, null),
            Arguments.of("detective", List.of("oi", "sim", "empresa", "Carlos", "carlos@",
                "carlos@x.com",
                "Suspeita de fraude no caixa"), "Obrigado. Um investigador vai analisar",
                "email = 'carlos@x.com'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void aCustomerWalksTheFlowToTheTeam(String key, List<String> answers, String said,
                                        String stored) {
        assertThat(admin.post("/api/v1/bot/flows/" + key + "/activate", Map.of()).status())
            .isEqualTo(200);
        String customer = BotPhones.newCustomer();
        for (String answer : answers) {
            int before = phones.received(customer).size();
            phones.write(customer, answer);
            phones.awaitReceived(customer, before + 1);
        }

        Seeds.await(key + " handed over", Duration.ofSeconds(15), () -> !phones.botOwns(customer));
        assertThat(phones.departmentOf(customer)).isEqualTo("atendimento");
        if (said != null) {
            // The bot's last words leave after the hand-over is recorded, in their turn.
            Seeds.await(key + " says " + said, Duration.ofSeconds(15),
                () -> phones.received(customer).stream().anyMatch(text -> text.startsWith(said)));
        }
        List<String> chat = phones.received(customer);
        assertThat(chat).as(key).anyMatch(text -> text.startsWith("Hmm") || text.startsWith(
            "Desculpe") || text.startsWith("Não reconheci") || text.startsWith("Esse e-mail"));
        if (stored != null) {
            assertThat(seeds.count("contacts", "wa_id = '" + customer + "' AND " + stored))
                .as(key).isEqualTo(1);
        }
    }
}
