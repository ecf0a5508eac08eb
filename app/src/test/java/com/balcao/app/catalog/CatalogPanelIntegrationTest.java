package com.balcao.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An admin keeps the catalog on a page: prices as typed in Brazil, stock, on sale or not. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CatalogPanelIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static Seeds seeds;
    static String admin;
    static String agent;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        admin = TestApp.randomEmail("admin");
        agent = TestApp.randomEmail("agent");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(sales));
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    private static Map<String, String> item(String name, String price, String stock) {
        return Map.of("name", name, "price", price, "stock", stock, "description",
            "Silicone, <b>azul</b>", "active", "1");
    }

    @Test
    void anAdminAddsEditsAndDeletesItemsTheFlowsOffer() {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        assertThat(browser.get("/admin/catalog").body()).contains("O catálogo está vazio");

        assertThat(browser.post("/admin/catalog", item("Capinha azul", "R$ 1.049,9", "3"))
            .statusCode()).isEqualTo(303);
        String page = browser.get("/admin/catalog").body();
        assertThat(page).contains("Item do catálogo salvo.", "Capinha azul", "R$ 1.049,90")
            .contains("Silicone, &lt;b&gt;azul&lt;/b&gt;").doesNotContain("<b>azul</b>");
        assertThat(seeds.count("catalog_items", "name = 'Capinha azul' AND price_cents = "
            + "104990 AND stock = 3 AND active")).isEqualTo(1);

        HttpResponse<String> badPrice = browser.post("/admin/catalog",
            item("Película", "quarenta reais", ""));
        assertThat(badPrice.statusCode()).isEqualTo(422);
        assertThat(badPrice.body()).contains("Preço inválido").contains("value=\"Película\"");
        HttpResponse<String> longName = browser.post("/admin/catalog",
            item("Capinha de silicone azul-marinho", "10", ""));
        assertThat(longName.statusCode()).isEqualTo(422);
        assertThat(seeds.count("catalog_items", "TRUE")).isEqualTo(1);

        Matcher id = Pattern.compile("data-item=\"([^\"]+)\"").matcher(page);
        assertThat(id.find()).isTrue();
        assertThat(browser.post("/admin/catalog/" + id.group(1), Map.of("name", "Capinha azul",
            "price", "39,90", "stock", "0")).statusCode()).isEqualTo(303);
        assertThat(seeds.count("catalog_items", "price_cents = 3990 AND stock = 0 AND NOT "
            + "active")).as("unchecked: no longer on sale").isEqualTo(1);

        assertThat(browser.post("/admin/catalog/" + id.group(1) + "/delete", Map.of())
            .statusCode()).isEqualTo(303);
        assertThat(seeds.count("catalog_items", "TRUE")).isZero();
        assertThat(browser.post("/admin/catalog/nope/delete", Map.of()).statusCode())
            .isEqualTo(404);
    }

    @Test
    void agentsCannotOpenTheCatalogPage() {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(agent, PASSWORD);
        assertThat(browser.get("/admin/catalog").statusCode()).isEqualTo(403);
    }
}
