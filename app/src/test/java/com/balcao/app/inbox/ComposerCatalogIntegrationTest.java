package com.balcao.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The holder sends a product or service from the catalog without typing it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ComposerCatalogIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static InboxTeam team;

    @BeforeAll
    static void seed() {
        team = new InboxTeam(DB, APP);
        team.seeds.jdbi().useHandle(handle -> {
            item(handle, "capinha", "Capinha <b>MagSafe</b>", "Silicone, várias cores", 14990L,
                "https://cdn.example.com/capinha.jpg", true);
            item(handle, "pelicula", "Película de vidro", null, 4900L, null, true);
            item(handle, "fone", "Fone antigo", "Fora de linha", 9900L, null, false);
        });
    }

    private static void item(org.jdbi.v3.core.Handle handle, String id, String name,
                             String description, Long cents, String image, boolean active) {
        handle.execute("INSERT INTO catalog_items (public_id, name, description, price_cents, "
            + "image_link, active, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, "
            + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", id, name, description, cents, image, active);
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    void theCatalogListsWhatIsOnSaleFoundWithoutAccentsOrCase() {
        String conversation = team.queued(team.newCustomer());
        assertThat(team.ana.act(conversation, "take").statusCode()).isEqualTo(200);

        assertThat(team.ana.fragment(conversation, "composer").body())
            .contains("id=\"catalog-picker\"");
        String all = team.ana.fragment(conversation, "catalog").body();
        assertThat(all).contains("Capinha &lt;b&gt;MagSafe&lt;/b&gt;").contains("R$ 149,90")
            .contains("Película de vidro").doesNotContain("Fone antigo")
            .doesNotContain("<b>MagSafe");
        assertThat(team.ana.fragment(conversation, "catalog?q=PELICULA").body())
            .contains("Película de vidro").doesNotContain("Capinha");
        assertThat(team.ana.fragment(conversation, "catalog?q=geladeira").body())
            .contains("Nenhum item encontrado");
    }

    @Test
    void anItemWithAPictureGoesAsThePictureWithNameDescriptionAndPrice() {
        String customer = team.newCustomer();
        String conversation = team.queued(customer);
        assertThat(team.ana.act(conversation, "take").statusCode()).isEqualTo(200);

        HttpResponse<String> sent = team.ana.act(conversation, "catalog", Map.of("item",
            "capinha", "key", "item-" + System.nanoTime(), "text", "rascunho meu"));
        HttpResponse<String> plain = team.ana.act(conversation, "catalog", Map.of("item",
            "pelicula", "key", "item-" + System.nanoTime()));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).as("what the holder was typing stays in the composer")
            .contains(">rascunho meu</textarea>");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(team.countIn(conversation, "messages", "direction = 'outbound' AND type = "
            + "'image' AND caption = '*Capinha <b>MagSafe</b>*\nSilicone, várias cores\n"
            + "R$ 149,90'")).isEqualTo(1);
        assertThat(team.countIn(conversation, "messages", "direction = 'outbound' AND type = "
            + "'text' AND body = '*Película de vidro*\nR$ 49,00'")).isEqualTo(1);
        Seeds.await("both items on the customer's phone", Duration.ofSeconds(10), () -> {
            String chat = team.phones.chat(customer).toString();
            return chat.contains("Silicone, várias cores") && chat.contains("Película de vidro");
        });
    }

    @Test
    void anItemTakenOffSaleOrAConversationNotHeldSendsNothing() {
        String conversation = team.queued(team.newCustomer());

        HttpResponse<String> notHeld = team.ana.act(conversation, "catalog", Map.of("item",
            "pelicula", "key", "item-" + System.nanoTime()));
        assertThat(team.ana.act(conversation, "take").statusCode()).isEqualTo(200);
        HttpResponse<String> offSale = team.ana.act(conversation, "catalog", Map.of("item",
            "fone", "key", "item-" + System.nanoTime(), "text", "quase pronto"));
        HttpResponse<String> unknown = team.ana.act(conversation, "catalog", Map.of("item",
            "<script>", "key", "item-" + System.nanoTime()));

        assertThat(notHeld.statusCode()).isEqualTo(409);
        assertThat(offSale.statusCode()).isEqualTo(422);
        assertThat(offSale.body()).contains("não está mais à venda")
            .contains(">quase pronto</textarea>");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(team.countIn(conversation, "messages", "direction = 'outbound'")).isZero();
    }
}
