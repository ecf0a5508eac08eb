package com.balcao.app.browser;

import static com.balcao.app.browser.InboxScreens.PASSWORD;
import static com.balcao.app.browser.InboxScreens.listShows;
import static com.balcao.app.browser.InboxScreens.open;
import static com.balcao.app.browser.InboxScreens.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Browser;
import com.balcao.app.support.InboxPanel;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SimulatorControl;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.WebElement;

/**
 * What the panel says after an action: the person who lost a race reads who won, even when a
 * live refresh redraws the chat at once, and a transfer says where the conversation went.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InboxNoticesBrowserTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static String ana;
    static String bruno;

    @BeforeAll
    static void seed() {
        Seeds seeds = new Seeds(DB);
        long sales = InboxScreens.shop(seeds, APP);
        seeds.department("Financeiro", "financeiro");
        ana = InboxScreens.agent(seeds, sales, "Ana Souza");
        bruno = InboxScreens.agent(seeds, sales, "Bruno Reis");
    }

    @AfterAll
    static void tearDown() {
        APP.after();
        DB.close();
    }

    @Test
    void theAgentWhoLostATakeOverReadsWhoHasItForSeconds() throws Exception {
        SimulatorControl phone = SimulatorControl.signIn(APP.getLocalPort(), ana, PASSWORD);
        phone.type("5511987651111", "Flora Dias", "Quero trocar o pedido");
        try (Browser browser = Browser.start(APP.getLocalPort())) {
            signIn(browser, bruno);
            browser.open("/inbox?tab=queue");
            browser.waitUntil(driver -> listShows(browser, "Flora Dias"));
            open(browser, "Flora Dias");
            browser.waitUntil(driver -> !driver.findElements(By.id("take-over")).isEmpty());
            String conversation = (String) browser.script(
                "return document.getElementById('chat').getAttribute('data-conversation')");
            // Bruno's page has not heard yet: its stream is paused while Ana takes it.
            browser.script("window.dispatchEvent(new Event('pagehide'))");
            InboxPanel anaPanel = InboxPanel.signIn(APP.getLocalPort(), ana, PASSWORD);
            assertThat(anaPanel.act(conversation, "take").statusCode()).isEqualTo(200);

            browser.click("#take-over");
            browser.script("window.dispatchEvent(new Event('pageshow'))");
            browser.waitUntil(driver -> toast(browser, "Esta conversa já está com Ana Souza."));
            Thread.sleep(3000);
            assertThat(toast(browser, "Esta conversa já está com Ana Souza."))
                .as("still on screen 3 s later, after the live refresh").isTrue();
        }
    }

    @Test
    void aTransferToAnotherDepartmentSaysWhereItWentAndLandsInTheInbox() throws Exception {
        SimulatorControl phone = SimulatorControl.signIn(APP.getLocalPort(), ana, PASSWORD);
        phone.type("5511987652222", "Gil Prado", "Segunda via do boleto");
        try (Browser browser = Browser.start(APP.getLocalPort())) {
            signIn(browser, ana);
            browser.open("/inbox?tab=queue");
            browser.waitUntil(driver -> listShows(browser, "Gil Prado"));
            open(browser, "Gil Prado");
            browser.waitUntil(driver -> !driver.findElements(By.id("take-over")).isEmpty());
            browser.click("#take-over");
            browser.waitUntil(driver -> !driver.findElements(By.id("transfer-open")).isEmpty());
            // The take-over's own live refresh redraws the header once more: act after it.
            Thread.sleep(1000);
            browser.waitUntil(driver -> {
                if (browser.find("details.transfer").getAttribute("open") == null) {
                    browser.click("#transfer-open");
                }
                new Select(browser.find("#chat-state select[name=department]"))
                    .selectByVisibleText("Financeiro");
                browser.click("#transfer-submit");
                return true;
            });

            browser.waitUntil(driver -> toast(browser, "Transferida para Financeiro."));
            assertThat(browser.path()).isEqualTo("/inbox");
        }
    }

    @Test
    void onADesktopTheListsViewsFitOneLineAndSayWhatTheyShow() {
        try (Browser browser = Browser.start(APP.getLocalPort())) {
            browser.driver().manage().window().setSize(new Dimension(1280, 800));
            signIn(browser, ana);
            browser.open("/inbox");

            assertThat(browser.script("var tops = Array.prototype.map.call(document"
                + ".querySelectorAll('#inbox-list .tab'), function (tab) { return tab"
                + ".getBoundingClientRect().top; }); return tops.length === 5 && tops.every("
                + "function (top) { return top === tops[0]; })")).isEqualTo(true);
            WebElement open = browser.find("#inbox-list .tab[data-tab=all]");
            assertThat(open.getText()).isEqualTo("Abertas");
            assertThat(open.getAttribute("title")).contains("encerradas ficam em Encerradas");
        }
    }

    private static boolean toast(Browser browser, String text) {
        List<WebElement> toasts = browser.driver().findElements(By.cssSelector("#toasts .toast"));
        return toasts.stream().anyMatch(toast -> {
            try {
                return toast.isDisplayed() && toast.getText().equals(text);
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
    }
}
