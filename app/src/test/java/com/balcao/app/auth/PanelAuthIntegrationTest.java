package com.balcao.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class PanelAuthIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static String adminEmail;
    static String agentEmail;

    @BeforeAll
    static void people() {
        Seeds seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        adminEmail = TestApp.randomEmail("admin");
        agentEmail = TestApp.randomEmail("agent");
        seeds.person(adminEmail, PASSWORD, Role.ADMIN, List.of());
        seeds.person(agentEmail, PASSWORD, Role.AGENT, List.of(sales));
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    private PanelBrowser browser() {
        return new PanelBrowser(APP.getLocalPort());
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPage() {
        HttpResponse<String> response = browser().get("/admin/users");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
            assertThat(location).endsWith("/login?next=%2Fadmin%2Fusers"));
    }

    @Test
    void adminSignsInSeesTheTeamAndSignsOut() {
        PanelBrowser browser = browser();

        HttpResponse<String> login = browser.login(adminEmail, PASSWORD);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
            .contains("balcao_session=").contains("HttpOnly").contains("SameSite=Lax");

        HttpResponse<String> team = browser.get("/admin/users");
        assertThat(team.statusCode()).isEqualTo(200);
        assertThat(team.body()).contains(adminEmail).contains(agentEmail);

        HttpResponse<String> logout = browser.post("/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(303);
    }

    @Test
    void sessionIdChangesAtLogin() {
        PanelBrowser browser = browser();
        String first = sessionCookie(browser.login(adminEmail, PASSWORD));
        browser.get("/");
        String second = sessionCookie(browser.post("/login",
            Map.of("email", adminEmail, "password", PASSWORD)));

        assertThat(first).isNotBlank();
        assertThat(second).isNotBlank().isNotEqualTo(first);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        String header = response.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    }

    @Test
    void wrongPasswordIsRefusedWithAClearMessage() {
        HttpResponse<String> response = browser().login(agentEmail, "errada-123");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("E-mail ou senha incorretos.");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        String email = TestApp.randomEmail("lock");
        new Seeds(DB).person(email, PASSWORD, Role.AGENT, List.of());
        PanelBrowser browser = browser();
        for (int i = 0; i < 4; i++) {
            assertThat(browser.login(email, "errada-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> fifth = browser.login(email, "errada-5");
        HttpResponse<String> rightPassword = browser.login(email, PASSWORD);

        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.body()).contains("Conta temporariamente bloqueada");
        assertThat(rightPassword.statusCode()).isEqualTo(429);
        assertThat(rightPassword.body()).contains("Tente novamente depois das");
    }

    @Test
    void postWithoutCsrfTokenIsForbidden() {
        PanelBrowser browser = browser();
        browser.login(adminEmail, PASSWORD);

        HttpResponse<String> response = browser.postRaw("/admin/departments",
            Map.of("name", "Sem token", "slug", "", "menuKeywords", "",
                "responseTimeoutMinutes", "10"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Formulário expirado ou inválido");
        assertThat(browser.get("/admin/departments").body()).doesNotContain("Sem token");
    }

    @Test
    void loginWithoutCsrfTokenIsForbidden() {
        PanelBrowser browser = browser();
        HttpResponse<String> response = browser.postRaw("/login",
            Map.of("email", adminEmail, "password", PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void agentIsForbiddenOnAdminPages() {
        PanelBrowser browser = browser();
        browser.login(agentEmail, PASSWORD);

        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        for (String page : List.of("/admin/users", "/admin/departments",
            "/admin/password-resets", "/admin/users/1")) {
            HttpResponse<String> response = browser.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(403);
            assertThat(response.body()).contains("Você não tem permissão");
        }
    }

    @Test
    void everyPageCarriesSecurityHeaders() {
        HttpResponse<String> response = browser().get("/login");

        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
            .contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).isPresent();
    }

    @Test
    void unknownPageShowsTheFriendlyErrorPage() {
        PanelBrowser browser = browser();
        browser.login(adminEmail, PASSWORD);
        HttpResponse<String> response = browser.get("/admin/users/999999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Página não encontrada.").doesNotContain("Exception");
    }
}
