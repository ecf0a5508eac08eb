package com.balcao.app.web;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Where people land, what the home and error pages offer, and the admin texts people read. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PanelNavigationIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    private PanelBrowser signedIn(Role role) {
        String email = TestApp.randomEmail(role.name().toLowerCase());
        new Seeds(DB).person(email, PASSWORD, role, List.of());
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(email, PASSWORD);
        return browser;
    }

    @Test
    void agentsLandInTheInboxAndSupervisorsOnTheOverview() {
        for (Role role : Role.values()) {
            String email = TestApp.randomEmail("landing");
            new Seeds(DB).person(email, PASSWORD, role, List.of());
            PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
            browser.get("/login");
            HttpResponse<String> signIn = browser.post("/login",
                Map.of("email", email, "password", PASSWORD, "next", ""));
            assertThat(signIn.headers().firstValue("Location").orElseThrow())
                .as(role.name()).endsWith(role == Role.AGENT ? "/inbox" : "/");
        }
    }

    @Test
    void aPageThatDoesNotExistKeepsTheNavigation() {
        HttpResponse<String> missing = signedIn(Role.AGENT).get("/no-such-page");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("class=\"topbar\"").contains("href=\"/inbox\"")
            .contains("action=\"/logout\"");
    }

    @Test
    void theAdminHomeLeadsToEveryAdministrationPage() {
        String home = signedIn(Role.ADMIN).get("/").body();

        assertThat(home).contains("<li><a href=\"/admin/quick-replies\">")
            .contains("<li><a href=\"/admin/labels\">")
            .contains("<li><a href=\"/admin/whatsapp/numbers\">");
    }

    @Test
    void afterAWrongPasswordTheCursorWaitsInThePasswordField() {
        String email = TestApp.randomEmail("typo");
        new Seeds(DB).person(email, PASSWORD, Role.AGENT, List.of());
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.get("/login");

        String again = browser.post("/login",
            Map.of("email", email, "password", "wrong-password", "next", "")).body();

        assertThat(again).containsPattern("name=\"password\"[^>]*autofocus")
            .doesNotContainPattern("name=\"email\"[^>]*autofocus");
        assertThat(browser.get("/login").body()).containsPattern("name=\"email\"[^>]*autofocus");
    }

    @Test
    void templatesShowMetasCategoryAndStatusInPortuguese() {
        new Seeds(DB).jdbi().useHandle(handle -> handle.execute("INSERT INTO wa_templates "
            + "(waba_id, meta_id, name, language, category, status, body_text, parameter_count, "
            + "created_at, updated_at) VALUES ('990001', 'm-1', 'pedido_pronto', 'pt_BR', "
            + "'UTILITY', 'APPROVED', 'Seu pedido está pronto', 0, UTC_TIMESTAMP(6), "
            + "UTC_TIMESTAMP(6))"));

        String page = signedIn(Role.ADMIN).get("/admin/whatsapp/templates").body();

        assertThat(page).contains("<td>Utilidade</td><td>Aprovado").doesNotContain("APPROVED")
            .doesNotContain("UTILITY");
    }
}
