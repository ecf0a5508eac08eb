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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The contact panel in a real browser, under the panel's CSP: htmx loads it, label toggles and
 * the edit form swap it in place, a label shows up in the conversation list at once, and a
 * refused form (422) shows its problem.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContactPanelBrowserTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static final String CONVERSATION = "convpanelxxxxxxxxxxxxx";

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void anAgentLabelsTheConversationAndCorrectsTheContact() {
        Seeds seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        long number = seeds.whatsAppNumber("200000000000007", "15550100007", sales, null);
        String agent = TestApp.randomEmail("agent");
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(sales));
        seeds.jdbi().useHandle(handle -> {
            long contact = handle.createUpdate("INSERT INTO contacts (public_id, wa_id, name, "
                    + "phone, created_at, updated_at) VALUES ('contactpanelxxxxxxxxxx', "
                    + "'5511977770000', 'Cliente Zap', '5511977770000', UTC_TIMESTAMP(6), "
                    + "UTC_TIMESTAMP(6))")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            handle.execute("INSERT INTO conversations (public_id, contact_id, wa_number_id, "
                + "department_id, owner, open_flag, last_message_at, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, 'QUEUE', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), "
                + "UTC_TIMESTAMP(6))", CONVERSATION, contact, number, sales);
            handle.execute("INSERT INTO labels (name, color, created_at, updated_at) VALUES "
                + "('VIP', '#ff0000', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
        });

        try (Browser browser = Browser.start(APP.getLocalPort())) {
            browser.signIn(agent, PASSWORD);
            browser.open("/inbox?tab=all&c=" + CONVERSATION);
            browser.waitUntil(driver -> browser.find("#contact-panel").getText()
                .contains("Cliente Zap"));

            browser.find(".contact-panel-toggle").click();
            browser.waitUntil(driver -> !driver.findElements(
                By.cssSelector(".contact-panel-chip")).isEmpty());
            assertThat(browser.find(".contact-panel-chip").getText()).isEqualTo("VIP");
            assertThat(browser.find(".contact-panel-toggle").getAttribute("aria-pressed"))
                .isEqualTo("true");
            browser.waitUntil(driver -> !driver.findElements(
                By.cssSelector("#inbox-list a.conversation .chip")).isEmpty());
            assertThat(browser.find("#inbox-list a.conversation .chip").getText())
                .isEqualTo("VIP");

            browser.type(".contact-panel-form input[name=name]", "Maria Corrigida");
            // The browser accepts this address; the panel wants a dot in the domain.
            browser.type(".contact-panel-form input[name=email]", "maria@exemplo");
            browser.type(".contact-panel-form input[name=field_key]", "Pedido");
            browser.find(".contact-panel-form button[type=submit]").click();
            browser.waitUntil(driver -> !driver.findElements(
                By.cssSelector(".contact-panel-form .alert")).isEmpty());
            assertThat(browser.find(".contact-panel-form .alert").getText())
                .contains("Informe um e-mail válido");
            assertThat(browser.find(".contact-panel-form input[name=name]")
                .getAttribute("value")).isEqualTo("Maria Corrigida");

            browser.type(".contact-panel-form input[name=email]", "maria@exemplo.com.br");
            browser.find(".contact-panel-form button[type=submit]").click();
            browser.waitUntil(driver -> browser.find("#contact-panel").getText()
                .contains("Contato salvo."));
            assertThat(browser.find(".contact-panel-name").getText())
                .isEqualTo("Maria Corrigida");
            assertThat(browser.find(".contact-panel-facts").getText()).contains("Pedido");
            assertThat(browser.consoleErrors())
                .filteredOn(error -> !error.contains("status of 422")).isEmpty();
        }
    }
}
