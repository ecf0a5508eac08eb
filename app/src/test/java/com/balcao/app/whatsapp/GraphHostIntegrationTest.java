package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.FakeMetaGraph;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the simulator off, a number's access token only ever goes to Meta's Graph host: an
 * admin cannot point a number elsewhere and read the token back through "Test connection".
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GraphHostIntegrationTest {
    static final FakeMetaGraph ELSEWHERE = FakeMetaGraph.start();
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static String admin;
    static long sales;

    @BeforeAll
    static void seed() {
        Seeds seeds = new Seeds(DB);
        sales = seeds.department("Comercial", "comercial");
        admin = TestApp.randomEmail("admin");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
    }

    @AfterAll
    static void stop() {
        APP.after();
        DB.close();
        ELSEWHERE.close();
    }

    static Map<String, String> form(String phoneNumberId, String baseUrl) {
        Map<String, String> form = new HashMap<>(Map.of("label", "Loja Centro",
            "phoneNumberId", phoneNumberId, "displayPhoneNumber", "+55 11 4000-1234",
            "wabaId", WhatsAppFixtures.WABA_ID, "departmentId", Long.toString(sales),
            "mps", "80", "graphBaseUrl", baseUrl, "accessToken", "EAAG-token-1234",
            "appSecret", "app-secret-7777"));
        form.put("verifyToken", "");
        return form;
    }

    @Test
    void aGraphBaseUrlOutsideMetaIsRefused() {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        browser.get("/admin/whatsapp/numbers/new");

        HttpResponse<String> elsewhere = browser.post("/admin/whatsapp/numbers",
            form("300000000000010", ELSEWHERE.baseUrl() + "/graph"));
        HttpResponse<String> meta = browser.post("/admin/whatsapp/numbers",
            form("300000000000011", "https://graph.facebook.com"));

        assertThat(elsewhere.statusCode()).isEqualTo(422);
        assertThat(elsewhere.body()).contains("graph.facebook.com");
        assertThat(meta.statusCode()).isEqualTo(303);
    }

    @Test
    void theConnectionTestNeverSendsTheTokenToAStoredForeignHost() {
        long id = WhatsApp.saveNumber(new Seeds(DB).jdbi(), APP.getConfiguration().whatsapp,
            new NumberSetup("300000000000012", "1555", "Antiga", "waba", sales, 80,
                ELSEWHERE.baseUrl(), "EAAG-stored-token", "secret", null));
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        browser.get("/admin/whatsapp/numbers");

        HttpResponse<String> tested = browser.post("/admin/whatsapp/numbers/" + id + "/test",
            Map.of());

        assertThat(tested.statusCode()).isEqualTo(303);
        assertThat(ELSEWHERE.received()).isEmpty();
    }
}
