package com.balcao.app.browser;

import static com.balcao.app.browser.InboxScreens.PASSWORD;
import static com.balcao.app.browser.InboxScreens.listShows;
import static com.balcao.app.browser.InboxScreens.open;
import static com.balcao.app.browser.InboxScreens.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Browser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SimulatorControl;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * What an agent does many times a day besides answering: sending a document, working from a
 * phone, moving between conversations with the keyboard.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InboxDailyBrowserTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static String ana;
    static Seeds seeds;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        ana = InboxScreens.agent(seeds, InboxScreens.shop(seeds, APP), "Ana Souza");
    }

    @AfterAll
    static void tearDown() {
        APP.after();
        DB.close();
    }

    @Test
    void aDocumentAttachedInTheComposerReachesTheCustomerUnderItsName() throws Exception {
        SimulatorControl phone = SimulatorControl.signIn(APP.getLocalPort(), ana, PASSWORD);
        String customer = "5511987658888";
        phone.type(customer, "Dora Lins", "Pode mandar o orçamento?");
        Path folder = Files.createTempDirectory("anexo");
        String fileName = "orcamento <img src=x onerror=alert(3)>.pdf";
        Path file = Files.write(folder.resolve(fileName),
            "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(
                StandardCharsets.US_ASCII));
        try (Browser browser = Browser.start(APP.getLocalPort())) {
            signIn(browser, ana);
            browser.open("/inbox?tab=queue");
            browser.waitUntil(driver -> listShows(browser, "Dora Lins"));
            open(browser, "Dora Lins");
            browser.waitUntil(driver -> !driver.findElements(By.id("take-over")).isEmpty());
            browser.click("#take-over");
            browser.waitUntil(driver -> !driver.findElements(By.id("send")).isEmpty());

            browser.find("#composer-file").sendKeys(file.toString());
            assertThat(browser.find("#attach-name").getText()).isEqualTo(fileName);
            browser.find("#composer-text").sendKeys("Segue o orçamento");
            browser.click("#send");

            browser.waitUntil(driver -> driver.findElements(By.cssSelector(
                "#timeline .media-document")).stream().anyMatch(link -> link.getText()
                    .contains(fileName)));
            assertThat(browser.driver().findElements(By.cssSelector("#inbox img")))
                .as("the file name stays text").isEmpty();
            assertThat(browser.find("#attach-name").getText()).isEqualTo("Anexar arquivo");
            Seeds.await("the document on the customer's phone", Duration.ofSeconds(10),
                () -> phone.chat(customer).toString().contains("Segue o orçamento"));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    @Test
    void switchingTemplatesShowsOnlyTheChosenOnesTextAndFields() throws Exception {
        SimulatorControl phone = SimulatorControl.signIn(APP.getLocalPort(), ana, PASSWORD);
        phone.type("5511987656666", "Hugo Lemos", "Oi, tem a peça?");
        seeds.jdbi().useHandle(handle -> {
            for (String[] template : new String[][] {
                {"peca_chegou", "A peça {{1}} chegou, {{2}}!", "2"},
                {"retomar_contato", "Podemos continuar a conversa?", "0"}}) {
                handle.execute("INSERT IGNORE INTO wa_templates (waba_id, name, language, "
                    + "category, status, body_text, parameter_count, created_at, updated_at) "
                    + "VALUES (?, ?, 'pt_BR', 'UTILITY', 'APPROVED', ?, ?, UTC_TIMESTAMP(6), "
                    + "UTC_TIMESTAMP(6))", WhatsAppFixtures.WABA_ID, template[0], template[1],
                    Integer.parseInt(template[2]));
            }
        });
        try (Browser browser = Browser.start(APP.getLocalPort())) {
            signIn(browser, ana);
            browser.open("/inbox?tab=queue");
            browser.waitUntil(driver -> listShows(browser, "Hugo Lemos"));
            seeds.jdbi().useHandle(handle -> handle.execute("UPDATE conversations c "
                + "JOIN contacts ct ON ct.id = c.contact_id SET c.last_inbound_at = "
                + "UTC_TIMESTAMP(6) - INTERVAL 25 HOUR WHERE ct.wa_id = '5511987656666'"));
            open(browser, "Hugo Lemos");
            browser.waitUntil(driver -> !driver.findElements(By.id("take-over")).isEmpty());
            browser.waitUntil(driver -> activeRow(browser).equals("Hugo Lemos"));
            browser.script("document.body.dispatchEvent(new CustomEvent('live:inbox'))");
            Thread.sleep(500);
            assertThat(activeRow(browser)).as("still marked after a live refresh")
                .isEqualTo("Hugo Lemos");
            browser.click("#take-over");
            browser.waitUntil(driver -> !driver.findElements(By.id("template-choice")).isEmpty());

            choose(browser, "peca_chegou (pt_BR)");
            browser.waitUntil(driver -> browser.find("#template-fields").getText()
                .contains("A peça {{1}} chegou"));
            assertThat(browser.driver().findElements(By.cssSelector(
                "#template-fields input[name=param]"))).hasSize(2);
            choose(browser, "retomar_contato (pt_BR)");

            browser.waitUntil(driver -> browser.find("#template-fields").getText()
                .contains("Podemos continuar a conversa?"));
            assertThat(browser.find("#template-fields").getText()).doesNotContain("A peça");
            assertThat(browser.driver().findElements(By.cssSelector(
                "#template-fields input[name=param]"))).isEmpty();
        }
    }

    private static String activeRow(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#inbox-list a.conversation.active"
            + " .who")).stream().map(who -> who.getText()).findFirst().orElse("");
    }

    private static void choose(Browser browser, String template) {
        browser.waitUntil(driver -> {
            new Select(browser.find("#template-choice")).selectByVisibleText(template);
            return true;
        });
    }

    @Test
    void onAPhoneTheListAndTheChatTakeTurns() throws Exception {
        SimulatorControl phone = SimulatorControl.signIn(APP.getLocalPort(), ana, PASSWORD);
        phone.type("5511987657777", "Elis Prates", "Vocês abrem sábado?");
        try (Browser browser = Browser.start(APP.getLocalPort())) {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            signIn(browser, ana);
            browser.open("/inbox?tab=queue");
            browser.waitUntil(driver -> listShows(browser, "Elis Prates"));
            assertThat(browser.find("#pane").isDisplayed()).isFalse();

            open(browser, "Elis Prates");
            browser.waitUntil(driver -> browser.find("#timeline").getText()
                .contains("Vocês abrem sábado?"));
            assertThat(browser.find("#list-column").isDisplayed()).isFalse();
            assertThat(browser.script("return document.documentElement.scrollWidth"
                + " <= window.innerWidth")).as("nothing wider than the phone").isEqualTo(true);
            assertThat(((Number) browser.script("return document.getElementById('chat-scroll')"
                + ".getBoundingClientRect().height / window.innerHeight")).doubleValue())
                .as("messages get at least 60% of the phone's height").isGreaterThanOrEqualTo(
                    0.6);

            assertThat(browser.find("#contact-panel").isDisplayed()).isFalse();
            browser.click(".contact-toggle");
            browser.waitUntil(driver -> browser.find("#contact-panel").isDisplayed()
                && browser.find("#contact-panel").getText().contains("Elis Prates"));
            browser.click(".contact-close");
            browser.waitUntil(driver -> !browser.find("#contact-panel").isDisplayed());

            browser.clickAndWaitForNewPage(".back-to-list");
            assertThat(browser.find("#list-column").isDisplayed()).isTrue();
        }
    }

    @Test
    void theKeyboardMovesBetweenConversations() throws Exception {
        SimulatorControl phone = SimulatorControl.signIn(APP.getLocalPort(), ana, PASSWORD);
        phone.type("5511987656001", "Gil Teclado", "Primeiro a escrever");
        phone.type("5511987656002", "Ivo Teclado", "Segundo a escrever");
        try (Browser browser = Browser.start(APP.getLocalPort())) {
            signIn(browser, ana);
            browser.open("/inbox?tab=all&q=Teclado");
            browser.waitUntil(driver -> listShows(browser, "Gil Teclado")
                && listShows(browser, "Ivo Teclado"));
            // Both wrote within the same second: the list may show either one first.
            List<String> order = browser.waitUntil(driver -> {
                try {
                    return driver.findElements(By.cssSelector("#inbox-list a.conversation .who"))
                        .stream().map(WebElement::getText).toList();
                } catch (StaleElementReferenceException refreshed) {
                    return null;
                }
            });
            assertThat(order).containsExactlyInAnyOrder("Gil Teclado", "Ivo Teclado");
            open(browser, order.get(0));
            browser.waitUntil(driver -> browser.find("#chat .contact-name").getText()
                .equals(order.get(0)));

            new Actions(browser.driver()).keyDown(Keys.ALT).sendKeys(Keys.ARROW_DOWN)
                .keyUp(Keys.ALT).perform();
            browser.waitUntil(driver -> browser.find("#chat .contact-name").getText()
                .equals(order.get(1)));
            new Actions(browser.driver()).keyDown(Keys.ALT).sendKeys(Keys.ARROW_UP)
                .keyUp(Keys.ALT).perform();
            browser.waitUntil(driver -> browser.find("#chat .contact-name").getText()
                .equals(order.get(0)));
        }
    }

    @Test
    void aConversationOpenedFromASearchShowsTheMessageFoundAndOlderPagesKeepTheView()
        throws Exception {
        SimulatorControl phone = SimulatorControl.signIn(APP.getLocalPort(), ana, PASSWORD);
        String customer = "5511987655001";
        phone.type(customer, "Nina Busca", "Quero o valor do Moto G84 com capinha");
        for (int i = 1; i <= 45; i++) {
            phone.type(customer, "Nina Busca", "Mensagem número " + i);
        }
        Seeds seeds = new Seeds(DB);
        Seeds.await("the 46 messages stored", Duration.ofSeconds(30),
            () -> seeds.count("messages", "body = 'Mensagem número 45'") == 1);
        try (Browser browser = Browser.start(APP.getLocalPort())) {
            signIn(browser, ana);
            browser.open("/inbox?tab=all&q=capinha");
            browser.waitUntil(driver -> listShows(browser, "Nina Busca"));
            assertThat(browser.find("#inbox-list .preview.found mark").getText())
                .isEqualTo("capinha");
            open(browser, "Nina Busca");
            browser.waitUntil(driver -> !driver.findElements(By.cssSelector(
                "#chat-scroll .msg.found")).isEmpty());
            assertThat(browser.find("#chat-scroll .msg.found").getText()).contains("capinha");
            assertThat(inView(browser, "#chat-scroll .msg.found")).isTrue();

            browser.open("/inbox?tab=all");
            open(browser, "Nina Busca");
            browser.waitUntil(driver -> browser.find("#timeline").getText()
                .contains("Mensagem número 45"));
            String oldest = browser.find("#timeline .msg").getAttribute("id");
            browser.script("document.getElementById('chat-scroll').scrollTop = 0");
            browser.click("#older button");
            browser.waitUntil(driver -> browser.find("#chat-scroll").getText()
                .contains("capinha"));
            assertThat(inView(browser, "#" + oldest))
                .as("the message that was on top stays in view").isTrue();
        }
    }

    private static boolean inView(Browser browser, String css) {
        return (Boolean) browser.script("var m = document.querySelector(\"" + css + "\")"
            + ".getBoundingClientRect(); var s = document.getElementById('chat-scroll')"
            + ".getBoundingClientRect(); return m.top >= s.top - 1 && m.bottom <= s.bottom + 1;");
    }
}
