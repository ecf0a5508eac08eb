package com.balcao.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Browser;
import com.balcao.app.support.CustomerPhones;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/**
 * The contacts page in a real browser, under the panel's CSP: an agent finds a customer from
 * the top navigation, picks an approved template (htmx brings its variable), sends it and lands
 * in the inbox on the new conversation, while the template reaches the simulated phone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContactsBrowserTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static final String PASSWORD = "senha-forte-123";
    static final String CUSTOMER = "5511966660001";

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void anAgentFindsACustomerAndStartsAConversationWithATemplate() {
        Seeds seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        String admin = TestApp.randomEmail("admin");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        String agent = TestApp.randomEmail("agent");
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(sales));
        CustomerPhones phones = CustomerPhones.connect(APP, seeds, sales, admin, PASSWORD);
        seeds.jdbi().useHandle(handle -> {
            handle.execute("INSERT INTO wa_templates (waba_id, name, language, category, "
                + "status, body_text, parameter_count, created_at, updated_at) VALUES (?, "
                + "'peca_chegou', 'pt_BR', 'UTILITY', 'APPROVED', 'Olá {{1}}, sua peça "
                + "chegou!', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", WhatsAppFixtures.WABA_ID);
            handle.execute("INSERT INTO contacts (public_id, wa_id, name, phone, created_at, "
                + "updated_at) VALUES ('contactbrowserxxxxxxxx', ?, 'Maria Souza', ?, "
                + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", CUSTOMER, CUSTOMER);
        });

        try (Browser browser = Browser.start(APP.getLocalPort())) {
            browser.signIn(agent, PASSWORD);
            browser.open("/");
            browser.clickAndWaitForNewPage(".nav a[href='/contacts']");
            browser.type("#contacts-filters input[name=q]", "maria");
            browser.clickAndWaitForNewPage("#contacts-filters button[type=submit]");
            assertThat(browser.find("#contacts-table").getText()).contains("Maria Souza")
                .contains("+55 11 96666-0001").contains("Nunca");
            browser.clickAndWaitForNewPage("#contacts-table a");
            assertThat(browser.find("h1").getText()).isEqualTo("Maria Souza");

            new Select(browser.find("#start-template")).selectByValue("peca_chegou|pt_BR");
            browser.waitUntil(driver -> !driver.findElements(
                By.cssSelector("#contact-start input[name=param]")).isEmpty());
            assertThat(browser.find("#start-preview").getText())
                .isEqualTo("Olá {{1}}, sua peça chegou!");
            browser.type("#contact-start input[name=param]", "Maria");
            browser.clickAndWaitForNewPage("#start-send");

            assertThat(browser.path()).startsWith("/inbox?c=");
            browser.waitUntil(driver -> browser.text().contains("Olá Maria, sua peça chegou!"));
            Seeds.await("the template on the phone", Duration.ofSeconds(15), () -> {
                for (JsonNode bubble : phones.chat(CUSTOMER)) {
                    if (bubble.path("text").asText().contains("peca_chegou")) {
                        return true;
                    }
                }
                return false;
            });

            browser.driver().manage().window().setSize(new Dimension(390, 844));
            for (String path : List.of("/contacts", "/contacts/contactbrowserxxxxxxxx")) {
                browser.open(path);
                assertThat(browser.script("return document.documentElement.scrollWidth"
                    + " <= window.innerWidth")).as(path + " fits a phone").isEqualTo(true);
            }
        }
    }
}
