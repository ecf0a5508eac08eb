package com.balcao.app.browser;

import static com.balcao.app.browser.InboxScreens.listShows;
import static com.balcao.app.browser.InboxScreens.open;
import static com.balcao.app.browser.InboxScreens.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Browser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SimulatorControl;
import com.balcao.app.support.TcpProxy;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Two agents of one department work the inbox in two browsers while a customer writes from the
 * simulator's phone: everything shows up live, without reloads, in both.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InboxBrowserTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"),
        ConfigOverride.config("simulator.statusDelayMillis", "150"));
    static final String PASSWORD = InboxScreens.PASSWORD;
    static final String CUSTOMER = "5511987651234";
    static String ana;
    static String bruno;
    static TcpProxy proxy;

    @BeforeAll
    static void seed() {
        Seeds seeds = new Seeds(DB);
        long sales = InboxScreens.shop(seeds, APP);
        ana = InboxScreens.agent(seeds, sales, "Ana Souza");
        bruno = InboxScreens.agent(seeds, sales, "Bruno Reis");
        seeds.jdbi().useHandle(handle -> handle.execute("INSERT INTO quick_replies (shortcut, "
            + "body, created_at, updated_at) VALUES ('prazo', 'Oi {primeiro_nome}, o conserto "
            + "leva 2 dias.', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))"));
        proxy = new TcpProxy("127.0.0.1", APP.getLocalPort());
    }

    @AfterAll
    static void tearDown() {
        proxy.close();
        APP.after();
        DB.close();
    }

    @Test
    void twoAgentsFollowOneCustomerLive() throws Exception {
        SimulatorControl phone = SimulatorControl.signIn(APP.getLocalPort(), ana, PASSWORD);
        try (Browser first = Browser.start(APP.getLocalPort());
             Browser second = Browser.start(proxy.port())) {
            signIn(first, ana);
            signIn(second, bruno);
            first.open("/inbox?tab=queue");
            second.open("/inbox?tab=queue");
            first.script("window.marker = 'same page'");
            second.script("window.marker = 'same page'");
            Thread.sleep(500);

            // The first message of a freshly started app pays for class loading and JIT; the
            // latency a person notices is the one of a running app.
            // That first customer is hostile: their name and text must show as plain text.
            String hostileName = "<img src=x onerror=alert(1)> {{7*7}}";
            String hostileText = "\"><script>alert(2)</script> <b>*negrito*</b> {{7*7}}";
            first.script("window.alert = function () { window.alerted = true; };");
            phone.type("5511987650000", hostileName, hostileText);
            first.waitUntil(driver -> listShows(first, hostileName));
            second.waitUntil(driver -> listShows(second, hostileName));
            open(first, hostileName);
            first.waitUntil(driver -> first.find("#chat .contact-name").getText()
                .equals(hostileName) && first.find("#timeline .msg.in .text").getText()
                .equals("\"><script>alert(2)</script> <b>negrito</b> {{7*7}}"));
            assertThat(first.script("return window.alerted === undefined"
                + " && document.querySelectorAll('#inbox img, #inbox script').length === 0"))
                .as("no customer markup became an element").isEqualTo(true);

            // Each page notes when the name first shows in its list, so the measure is what a
            // person sees, not how often the test looks.
            String watch = "window.shownAt = null; new MutationObserver(function () {"
                + " if (!window.shownAt && document.getElementById('inbox-list').textContent"
                + ".indexOf('Márcia Lima') >= 0) { window.shownAt = Date.now(); } })"
                + ".observe(document.body, { childList: true, subtree: true });";
            first.script(watch);
            second.script(watch);
            long typed = System.currentTimeMillis();
            phone.type(CUSTOMER, "Márcia Lima", "Oi! Vocês consertam tela de celular?");
            first.waitUntil(driver -> listShows(first, "Márcia Lima"));
            second.waitUntil(driver -> listShows(second, "Márcia Lima"));
            long shownMillis = Math.max(((Number) first.script("return window.shownAt"))
                .longValue(), ((Number) second.script("return window.shownAt")).longValue())
                - typed;
            // Live, not a reload or a poll: how fast is the bench's business, not this test's.
            assertThat(shownMillis).as("from typing to both lists, in ms").isLessThan(5000);
            // A tab in the background tells, in its title, how many wait in the queue.
            first.waitUntil(driver -> driver.getTitle().equals("(" + first.find("#nav-queue")
                .getText().strip() + ") Atendimento · Loja Teste"));

            open(first, "Márcia Lima");
            open(second, "Márcia Lima");
            first.waitUntil(driver -> !driver.findElements(By.id("take-over")).isEmpty());
            second.waitUntil(driver -> !driver.findElements(By.id("take-over")).isEmpty());
            first.click("#take-over");
            first.waitUntil(driver -> heldBy(first).equals("Com você"));
            second.waitUntil(driver -> heldBy(second).equals("Com Ana Souza"));
            second.waitUntil(driver -> driver.findElements(By.id("take-over")).isEmpty()
                && driver.findElements(By.id("send")).isEmpty());
            second.waitUntil(driver -> second.find("#composer-area").getText()
                .contains("Com Ana Souza"));

            first.waitUntil(driver -> !driver.findElements(By.id("send")).isEmpty());
            WebElement text = first.find("#composer-text");
            text.sendKeys("Consertamos sim! Qual o modelo?");
            text.sendKeys(Keys.ENTER);
            first.waitUntil(driver -> first.text().contains("Consertamos sim! Qual o modelo?")
                && !driver.findElements(By.cssSelector(".msg.out .ticks")).isEmpty());
            try {
                first.waitUntil(driver -> !driver.findElements(By.cssSelector(
                    ".msg.out .ticks.read")).isEmpty());
            } catch (TimeoutException e) {
                throw new AssertionError("The ticks never turned to read. " + stored()
                    + " Timeline: " + first.find("#timeline").getAttribute("outerHTML"), e);
            }
            second.waitUntil(driver -> second.text().contains("Consertamos sim!"));
            Seeds.await("the answer on the customer's phone", Duration.ofSeconds(10),
                () -> phone.chat(CUSTOMER).toString()
                    .contains("*Ana Souza - Comercial*:\\nConsertamos sim! Qual o modelo?"));

            second.open("/inbox?tab=mine");
            second.script("window.marker = 'same page'");
            assertThat(listShows(second, "Márcia Lima")).isFalse();
            first.click("#transfer-open");
            new Select(first.find("select[name=person]")).selectByVisibleText(
                "Bruno Reis · Online");
            first.find("input[name=reason]").sendKeys("Cliente pediu orçamento");
            first.click("#transfer-submit");
            second.waitUntil(driver -> listShows(second, "Márcia Lima"));
            first.waitUntil(driver -> heldBy(first).equals("Com Bruno Reis"));

            open(second, "Márcia Lima");
            second.waitUntil(driver -> second.text().contains(
                "Ana Souza transferiu a conversa para Bruno Reis (Comercial). "
                    + "Motivo: Cliente pediu orçamento"));
            // The new holder answers with a quick reply, quoting the customer's first message;
            // the colleague who still has the chat open sees them typing.
            second.waitUntil(driver -> !driver.findElements(By.id("send")).isEmpty());
            second.find("#composer-text").sendKeys("/pra");
            second.waitUntil(driver -> !driver.findElements(By.cssSelector(".suggestion"))
                .isEmpty());
            first.waitUntil(driver -> first.find("#typing").getText()
                .equals("Bruno Reis está digitando…"));
            second.click(".suggestion");
            assertThat(second.find("#composer-text").getAttribute("value"))
                .isEqualTo("Oi Márcia, o conserto leva 2 dias.");
            second.click(".msg.in .reply-button");
            assertThat(second.find("#replying").isDisplayed()).isTrue();
            second.find("#composer-text").sendKeys(Keys.ENTER);
            second.waitUntil(driver -> driver.findElements(By.cssSelector(".msg.out .quote"))
                .stream().anyMatch(quote -> quote.getText().contains("Vocês consertam")));
            first.waitUntil(driver -> first.text().contains("Oi Márcia, o conserto leva 2 dias."));

            // The second page's connection is cut on purpose: its network errors are expected.
            second.expectConsoleErrors();
            proxy.cut();
            phone.type(CUSTOMER, "Márcia Lima", "É um Moto G84, tela trincada");
            Thread.sleep(1500);
            assertThat(second.text()).doesNotContain("Moto G84");
            proxy.restore();
            second.waitUntil(driver -> second.text().contains("É um Moto G84, tela trincada"));

            // A change whose event never went out (as when a server dies right after its
            // commit) shows once the page is connected again.
            proxy.cut();
            new Seeds(DB).jdbi().useHandle(handle -> handle.execute("UPDATE contacts SET "
                + "name = 'Márcia Lima Prado', name_locked = 1 WHERE wa_id = ?", CUSTOMER));
            Thread.sleep(1500);
            proxy.restore();
            second.waitUntil(driver -> listShows(second, "Márcia Lima Prado")
                && second.find("#chat .contact-name").getText().equals("Márcia Lima Prado"));

            assertThat(first.script("return window.marker")).isEqualTo("same page");
            assertThat(second.script("return window.marker")).isEqualTo("same page");
            assertThat(first.consoleErrors()).isEmpty();
        }
    }

    /**
     * htmx wires new content to its events only once it has settled: an event arriving between
     * a refresh's answer and its settling must still reach the chat. A long settle makes that
     * gap wide enough to hit on purpose.
     */
    @Test
    void aMessageArrivingWhileTheChatSettlesStillShows() throws Exception {
        SimulatorControl phone = SimulatorControl.signIn(APP.getLocalPort(), ana, PASSWORD);
        String customer = "5511987659999";
        phone.type(customer, "Caio Prado", "Primeira mensagem");
        try (Browser browser = Browser.start(APP.getLocalPort())) {
            signIn(browser, ana);
            browser.open("/inbox?tab=queue");
            browser.waitUntil(driver -> listShows(browser, "Caio Prado"));
            open(browser, "Caio Prado");
            browser.waitUntil(driver -> browser.find("#timeline").getText()
                .contains("Primeira mensagem"));
            browser.script("htmx.config.defaultSettleDelay = 1500; window.settles = [];"
                + " document.addEventListener('htmx:afterSettle', function (event) {"
                + " if (event.target.id === 'timeline') { window.settles.push(Date.now()); } });"
                + " document.body.addEventListener('live:message.created', function () {"
                + " window.lastMessageAt = Date.now(); });");

            phone.type(customer, "Caio Prado", "Segunda mensagem");
            browser.waitUntil(driver -> browser.find("#timeline").getText()
                .contains("Segunda mensagem"));
            long swapped = ((Number) browser.script("return Date.now()")).longValue();
            phone.type(customer, "Caio Prado", "Terceira mensagem");
            browser.waitUntil(driver -> browser.find("#timeline").getText()
                .contains("Terceira mensagem"));

            long arrived = ((Number) browser.script("return window.lastMessageAt")).longValue();
            @SuppressWarnings("unchecked")
            List<Number> settles = (List<Number>) browser.script("return window.settles");
            long settled = settles.stream().mapToLong(Number::longValue)
                .filter(at -> at >= swapped).min().orElseThrow();
            assertThat(arrived).as("the third message came while the chat was settling")
                .isLessThan(settled);
        }
    }

    /** What the database holds about the messages and their statuses, for a failure. */
    private static String stored() {
        return new Seeds(DB).jdbi().withHandle(handle -> "Messages: " + handle.createQuery(
                "SELECT id, direction, status, wa_message_id, updated_at FROM messages ORDER BY id")
            .mapToMap().list() + " Statuses: " + handle.createQuery(
                "SELECT wa_message_id, status FROM message_statuses").mapToMap().list()
            + " Webhooks: " + handle.createQuery("SELECT id, state, attempts, error FROM "
                + "webhook_inbox ORDER BY id").mapToMap().list());
    }

    private static String heldBy(Browser browser) {
        try {
            List<WebElement> badge = browser.driver().findElements(By.id("held-by"));
            return badge.isEmpty() ? "" : badge.get(0).getText();
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }
}
