package com.balcao.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Redis;
import com.balcao.app.realtime.Event;
import com.balcao.app.realtime.EventBus;
import com.balcao.app.realtime.EventType;
import com.balcao.app.support.Browser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The panel's live stream shows notifications for the person's departments only. */
@ExtendWith(DropwizardExtensionsSupport.class)
class LiveNotificationsBrowserTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static long sales;
    static long finance;
    static String agentEmail;
    static long agentId;
    static Browser browser;
    static Redis redis;
    static EventBus bus;

    @BeforeAll
    static void setUp() {
        Seeds seeds = new Seeds(DB);
        sales = seeds.department("Comercial", "comercial");
        finance = seeds.department("Financeiro", "financeiro");
        agentEmail = TestApp.randomEmail("agent");
        agentId = seeds.person(agentEmail, PASSWORD, Role.AGENT, List.of(sales));
        browser = Browser.start(APP.getLocalPort());
        redis = new Redis(APP.getConfiguration().redis);
        bus = new EventBus(redis, new ObjectMapper());
    }

    @AfterAll
    static void tearDown() {
        try {
            browser.close();
            redis.stop();
        } finally {
            DB.close();
        }
    }

    private static int toasts() {
        return browser.driver().findElements(By.cssSelector("#toasts .toast")).size();
    }

    @Test
    void aNewConversationInMyDepartmentShowsANotificationWithoutReload() throws Exception {
        browser.signIn(agentEmail, PASSWORD);
        browser.script("window.marker = 'same page'");
        Thread.sleep(500);

        assertThat(browser.find("#sound-hint").isDisplayed())
            .as("the page says how to turn the sound on").isTrue();
        browser.find("main").click();
        assertThat(browser.find("#sound-hint").isDisplayed()).isFalse();

        bus.publish(Event.of(EventType.CONVERSATION_CREATED, finance, null,
            Map.of("conversationId", "other-department", "contactName", "Outra Pessoa")));
        bus.publish(Event.of(EventType.CONVERSATION_CREATED, sales, null,
            Map.of("conversationId", "mine", "contactName", "Joana <b>Prado</b>")));

        browser.waitUntil(driver -> toasts() == 1);
        assertThat(browser.find("#toasts .toast").getText())
            .isEqualTo("Nova conversa de Joana <b>Prado</b>");
        Thread.sleep(500);
        assertThat(toasts()).as("nothing from other departments").isEqualTo(1);
        assertThat(browser.script("return window.marker")).isEqualTo("same page");
        assertThat(browser.consoleErrors()).isEmpty();

        bus.publish(Event.of(EventType.MESSAGE_CREATED, sales, agentId, Map.of(
            "conversationId", "mine", "messageId", "m1", "direction", "outbound",
            "contactName", "Joana <b>Prado</b>")));
        bus.publish(Event.of(EventType.MESSAGE_CREATED, sales, agentId, Map.of(
            "conversationId", "mine", "messageId", "m2", "direction", "inbound",
            "contactName", "Joana <b>Prado</b>", "preview", "Chegou a peça?")));
        browser.waitUntil(driver -> toasts() == 2);
        assertThat(browser.driver().findElements(By.cssSelector("#toasts .toast")).get(1)
            .getText()).isEqualTo("Joana <b>Prado</b>: Chegou a peça?");
        browser.driver().findElements(By.cssSelector("#toasts .toast")).get(1).click();
        browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/inbox?c=mine"));

        assertThat(browser.find("#desktop-notifications").isDisplayed())
            .as("desktop notifications offered while the browser has not been asked").isTrue();
        browser.driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin",
            browser.base(), "permissions", List.of("notifications")));
        browser.open("/");
        assertThat(browser.find("#desktop-notifications").isDisplayed()).isFalse();

        browser.find("#mute-toggle").click();
        assertThat(browser.find("#mute-toggle").getAttribute("aria-pressed")).isEqualTo("true");
        browser.open("/");
        assertThat(browser.find("#mute-toggle").getText()).isEqualTo("Ativar som");
    }
}
