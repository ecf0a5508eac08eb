package com.balcao.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Browser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in, lockout and sign-out as a person does them, in real headless Chromium. */
@ExtendWith(DropwizardExtensionsSupport.class)
class LoginBrowserTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static String adminEmail;
    static String agentEmail;
    static Browser browser;

    @BeforeAll
    static void people() {
        Seeds seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        adminEmail = TestApp.randomEmail("admin");
        agentEmail = TestApp.randomEmail("agent");
        seeds.person(adminEmail, PASSWORD, Role.ADMIN, List.of());
        seeds.person(agentEmail, PASSWORD, Role.AGENT, List.of(sales));
    }

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(APP.getLocalPort());
    }

    @BeforeEach
    void signedOutBrowser() {
        browser.reset();
    }

    @AfterAll
    static void stopBrowserAndDropDatabase() {
        try {
            browser.close();
        } finally {
            DB.close();
        }
    }

    @Test
    void adminSignsInSeesTheTeamAndSignsOut() {
        browser.open("/login");
        assertScriptsRanWithinTheCsp();

        signIn(adminEmail, PASSWORD);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.find("h1").getText()).isEqualTo("Olá, Pessoa admin");
        assertScriptsRanWithinTheCsp();

        browser.click("nav .nav-menu summary");
        browser.clickAndWaitForNewPage("nav a[href='/admin/users']");
        assertThat(browser.find("h1").getText()).isEqualTo("Equipe");
        assertThat(browser.find("#users-table").getText()).contains(adminEmail, agentEmail);

        browser.clickAndWaitForNewPage("form[action='/logout'] button");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text()).contains("Você saiu do painel.");

        browser.open("/admin/users");
        assertThat(browser.path()).isEqualTo("/login?next=%2Fadmin%2Fusers");
        assertThat(browser.find("input[name=password]").isDisplayed()).isTrue();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountWithAClearMessage() {
        browser.open("/login");
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(agentEmail, "errada-" + attempt);
            assertThat(browser.find("#login-error").getText())
                .isEqualTo("E-mail ou senha incorretos.");
        }
        signIn(agentEmail, "errada-5");
        assertThat(browser.find("#login-error").getText()).matches(
            "Conta temporariamente bloqueada após várias tentativas sem sucesso\\. "
                + "Tente novamente depois das \\d\\d:\\d\\d\\.");

        signIn(agentEmail, PASSWORD);
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.find("#login-error").getText())
            .startsWith("Conta temporariamente bloqueada");
    }

    private void signIn(String email, String password) {
        browser.type("input[name=email]", email);
        browser.type("input[name=password]", password);
        browser.clickAndWaitForNewPage("form[action='/login'] button[type=submit]");
    }

    /** A CSP that blocked the panel's own scripts would leave htmx undefined and log an error. */
    private void assertScriptsRanWithinTheCsp() {
        assertThat(browser.script("return typeof htmx !== 'undefined'"))
            .as("htmx loaded on " + browser.path()).isEqualTo(true);
        assertThat(browser.consoleErrors()).as("console errors on " + browser.path()).isEmpty();
    }
}
