package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin pages of the WhatsApp feature: numbers with write-only credentials and a
 * connection test, templates synced and submitted through the simulator, held webhooks.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WhatsAppAdminIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static final String PASSWORD = "senha-forte-123";
    static final String TOKEN = "EAAG-secret-access-token-9f3c";
    static String admin;
    static String agent;
    static long sales;

    @BeforeAll
    static void seed() {
        Seeds seeds = new Seeds(DB);
        sales = seeds.department("Comercial", "comercial");
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

    static PanelBrowser signedIn(String email) {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(email, PASSWORD);
        return browser;
    }

    static Map<String, String> numberForm(String phoneNumberId, String token) {
        Map<String, String> form = new HashMap<>(Map.of("label", "Loja Centro",
            "phoneNumberId", phoneNumberId, "displayPhoneNumber", "+55 11 4000-1234",
            "wabaId", WhatsAppFixtures.WABA_ID, "departmentId", Long.toString(sales),
            "mps", "80", "graphBaseUrl", "http://127.0.0.1:" + APP.getLocalPort()
                + "/simulator/api/graph", "accessToken", token, "appSecret", "app-secret-7777"));
        form.put("verifyToken", "");
        return form;
    }

    @Test
    void credentialsAreStoredEncryptedAndNeverShownAgainInFull() {
        PanelBrowser browser = signedIn(admin);
        browser.get("/admin/whatsapp/numbers/new");

        HttpResponse<String> created = browser.post("/admin/whatsapp/numbers",
            numberForm("300000000000001", TOKEN));
        HttpResponse<String> list = browser.get("/admin/whatsapp/numbers");
        String id = new Seeds(DB).jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM "
            + "wa_numbers WHERE phone_number_id = '300000000000001'").mapTo(String.class).one());
        HttpResponse<String> edit = browser.get("/admin/whatsapp/numbers/" + id);
        String stored = new Seeds(DB).jdbi().withHandle(handle -> handle.createQuery(
            "SELECT access_token_enc FROM wa_numbers WHERE id = " + id).mapTo(String.class).one());

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(list.body()).contains("Loja Centro").contains("••••9f3c")
            .doesNotContain(TOKEN).doesNotContain("app-secret-7777");
        assertThat(edit.body()).contains("••••9f3c").doesNotContain(TOKEN);
        assertThat(stored).startsWith("v1:").doesNotContain(TOKEN).doesNotContain("9f3c");
    }

    @Test
    void savingWithBlankCredentialsKeepsThemAndTheConnectionTestReachesTheGraphApi() {
        PanelBrowser browser = signedIn(admin);
        browser.get("/admin/whatsapp/numbers/new");
        browser.post("/admin/whatsapp/numbers", numberForm("300000000000002", TOKEN));
        String id = new Seeds(DB).jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM "
            + "wa_numbers WHERE phone_number_id = '300000000000002'").mapTo(String.class).one());
        browser.get("/admin/whatsapp/numbers/" + id);
        Map<String, String> blank = numberForm("300000000000002", "");
        blank.put("appSecret", "");
        blank.put("label", "Loja Renomeada");

        assertThat(browser.post("/admin/whatsapp/numbers/" + id, blank).statusCode())
            .isEqualTo(303);
        browser.get("/admin/whatsapp/numbers");
        HttpResponse<String> tested = browser.post("/admin/whatsapp/numbers/" + id + "/test",
            Map.of());
        HttpResponse<String> after = browser.get("/admin/whatsapp/numbers");

        assertThat(tested.statusCode()).isEqualTo(303);
        assertThat(after.body()).contains("Loja Renomeada").contains("••••9f3c")
            .contains("Conexão OK").contains("STANDARD");
    }

    @Test
    void invalidNumbersAreRefusedWithWhatToFix() {
        PanelBrowser browser = signedIn(admin);
        browser.get("/admin/whatsapp/numbers/new");
        Map<String, String> form = numberForm("12ab", TOKEN);
        form.put("mps", "5000");

        HttpResponse<String> answer = browser.post("/admin/whatsapp/numbers", form);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("phone number ID deve ter")
            .contains("de 1 a 1000").doesNotContain(TOKEN);
    }

    @Test
    void agentsCannotReachTheWhatsAppSettings() {
        PanelBrowser browser = signedIn(agent);

        for (String page : List.of("/admin/whatsapp/numbers", "/admin/whatsapp/templates",
            "/admin/whatsapp/inbox")) {
            assertThat(browser.get(page).statusCode()).as(page).isEqualTo(403);
        }
    }

    @Test
    void templatesAreSyncedPreviewedSubmittedAndApprovedByWebhook() {
        PanelBrowser browser = signedIn(admin);
        browser.get("/admin/whatsapp/numbers/new");
        browser.post("/admin/whatsapp/numbers", numberForm("300000000000003", TOKEN));
        browser.get("/admin/whatsapp/templates");
        browser.post("/admin/whatsapp/templates/sync", Map.of());
        HttpResponse<String> synced = browser.get("/admin/whatsapp/templates");
        browser.get("/admin/whatsapp/templates/new");
        Map<String, String> form = new HashMap<>(Map.of("number", "300000000000003",
            "name", "pedido_pronto", "language", "pt_BR", "category", "UTILITY",
            "body", "Olá {{1}}, seu pedido {{2}} está pronto.", "examples", "Ana\n4471",
            "buttons", "Vou buscar", "header", "", "footer", "Loja Centro"));
        form.put("action", "preview");
        HttpResponse<String> preview = browser.post("/admin/whatsapp/templates", form);
        form.put("action", "submit");
        HttpResponse<String> submitted = browser.post("/admin/whatsapp/templates", form);
        Seeds.await("the template approved", Duration.ofSeconds(15), () -> new Seeds(DB)
            .count("wa_templates", "name = 'pedido_pronto' AND status = 'APPROVED'") == 1);

        assertThat(synced.body()).contains("hello_world").contains("retomar_atendimento")
            .contains("<td>Aprovado").doesNotContain("APPROVED");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Olá Ana, seu pedido 4471 está pronto.");
        assertThat(submitted.statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin/whatsapp/templates").body()).contains("pedido_pronto");
    }

    @Test
    void aMalformedWebhookIsHeldForAdminsShownEscapedAndCanBeRequeued() {
        byte[] broken = "{\"entry\":[<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        assertThat(WhatsAppFixtures.postSigned(APP.getLocalPort(), broken).statusCode())
            .isEqualTo(200);
        PanelBrowser browser = signedIn(admin);

        HttpResponse<String> page = browser.get("/admin/whatsapp/inbox");
        String id = new Seeds(DB).jdbi().withHandle(handle -> handle.createQuery("SELECT MAX(id) "
            + "FROM webhook_inbox WHERE state = 'PARKED'").mapTo(String.class).one());
        HttpResponse<String> retried = browser.post("/admin/whatsapp/inbox/" + id + "/retry",
            Map.of());

        assertThat(page.body()).contains("malformed JSON")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        assertThat(retried.statusCode()).isEqualTo(303);
        Seeds.await("the retried row parked again", Duration.ofSeconds(10), () -> new Seeds(DB)
            .count("webhook_inbox", "id = " + id + " AND state = 'PARKED' AND attempts = 1") == 1);
    }
}
