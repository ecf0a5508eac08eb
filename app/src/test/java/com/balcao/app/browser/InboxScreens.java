package com.balcao.app.browser;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Browser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.WhatsAppFixtures;
import com.balcao.app.whatsapp.NumberSetup;
import com.balcao.app.whatsapp.WhatsApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * A shop for inbox journeys in the browser: one department whose WhatsApp number talks to the
 * app's simulator, agents to staff it, and the moves a person makes on the inbox screen.
 */
final class InboxScreens {
    static final String PASSWORD = "senha-forte-123";

    private InboxScreens() {
    }

    /** The "Comercial" department, with the shop's number answering through the simulator. */
    static long shop(Seeds seeds, DropwizardAppExtension<AppConfig> app) {
        long sales = seeds.department("Comercial", "comercial");
        WhatsApp.saveNumber(seeds.jdbi(), app.getConfiguration().whatsapp, new NumberSetup(
            WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER, "Loja Demo",
            WhatsAppFixtures.WABA_ID, sales, 80, "http://127.0.0.1:" + app.getLocalPort()
            + "/simulator/api/graph", "demo-access-token", "phone-test-secret-123", null));
        return sales;
    }

    /** An agent of the department with that display name; answers their e-mail. */
    static String agent(Seeds seeds, long department, String name) {
        String email = TestApp.randomEmail(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
        long id = seeds.person(email, PASSWORD, Role.AGENT, List.of(department));
        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE users SET name = ? WHERE id = ?",
            name, id));
        return email;
    }

    static void signIn(Browser browser, String email) {
        browser.signIn(email, PASSWORD);
    }

    /** Live fragments are replaced under the test's feet: a stale read counts as "not yet". */
    static boolean listShows(Browser browser, String name) {
        try {
            return browser.driver().findElements(By.cssSelector("#inbox-list a.conversation .who"))
                .stream().anyMatch(who -> who.getText().equals(name));
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    /** Opens a conversation from the list, even while the list refreshes. */
    static void open(Browser browser, String name) {
        browser.waitUntil(driver -> {
            item(browser, name).click();
            return true;
        });
    }

    private static WebElement item(Browser browser, String name) {
        return browser.driver().findElements(By.cssSelector("#inbox-list a.conversation"))
            .stream().filter(link -> link.findElement(By.cssSelector(".who")).getText()
                .equals(name)).findFirst().orElseThrow();
    }
}
