package com.balcao.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Panel searches are limited per person, and a fragment too short for the full-text index
 * only scans the most recent messages instead of every message ever received.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SearchLimitsIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        TestApp.setting("security.searchesPerMinute", "5"),
        TestApp.setting("security.shortSearchMessages", "5"));
    static final String PASSWORD = "senha-forte-123";
    static final String OLD_CUSTOMER = "5511970000001";
    static Seeds seeds;
    static long sales;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        sales = seeds.department("Comercial", "comercial");
        seeds.whatsAppNumber(WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER,
            sales, null);
        long now = Instant.now().getEpochSecond();
        post(List.<String[]>of(new String[] {"wamid.old", OLD_CUSTOMER, "pedido G8 chegou"}),
            now - 60);
        List<String[]> newer = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            newer.add(new String[] {"wamid.new" + i, "55119700001" + (10 + i), "Bom dia"});
        }
        post(newer, now);
        seeds.awaitInboxDrained(Duration.ofSeconds(30));
    }

    static void post(List<String[]> messages, long timestamp) {
        assertThat(WhatsAppFixtures.postSigned(APP.getLocalPort(),
            WhatsAppFixtures.textMessages(messages, timestamp)).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    static PanelBrowser signedIn() {
        String email = TestApp.randomEmail("admin");
        seeds.person(email, PASSWORD, Role.ADMIN, List.of());
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(email, PASSWORD);
        return browser;
    }

    @Test
    void aShortFragmentOnlyScansRecentMessages() {
        PanelBrowser browser = signedIn();

        HttpResponse<String> fragment = browser.get("/inbox/list?tab=all&q=G8");
        HttpResponse<String> word = browser.get("/inbox/list?tab=all&q=pedido");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("Cliente " + OLD_CUSTOMER);
        assertThat(word.body()).contains("Cliente " + OLD_CUSTOMER);
    }

    @Test
    void searchesPerPersonAreLimited() {
        PanelBrowser browser = signedIn();
        for (int i = 0; i < 5; i++) {
            assertThat(browser.get("/inbox/list?tab=all&q=bom" + i).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = browser.get("/inbox/list?tab=all&q=bom");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(browser.get("/inbox/list?tab=all").statusCode()).isEqualTo(200);
        assertThat(signedIn().get("/inbox/list?tab=all&q=bom").statusCode()).isEqualTo(200);
    }
}
