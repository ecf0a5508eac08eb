package com.balcao.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.bot.FlowStore;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Browser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An admin changes the demo's greeting in the flow editor, watching the WhatsApp preview as
 * they type, saves, and the next customer who writes gets the new greeting on their phone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FlowEditorBrowserTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static final String CUSTOMER = "5511988887777";
    static String admin;

    @BeforeAll
    static void seed() {
        Seeds seeds = new Seeds(DB);
        seeds.department("Laboratório", "laboratorio");
        InboxScreens.shop(seeds, APP);
        admin = TestApp.randomEmail("admin");
        seeds.person(admin, InboxScreens.PASSWORD, Role.ADMIN, List.of());
        new FlowStore(seeds.jdbi(), Clock.systemUTC()).install("department_menu", true);
    }

    @AfterAll
    static void tearDown() {
        APP.after();
        DB.close();
    }

    @Test
    void theNewGreetingReachesTheCustomersPhone() {
        try (Browser browser = Browser.start(APP.getLocalPort())) {
            InboxScreens.signIn(browser, admin);
            browser.open("/admin/bot");
            assertThat(browser.find("tr[data-flow=department_menu]").getText())
                .contains("Menu de departamentos", "v1", "Ativo");
            browser.clickAndWaitForNewPage("tr[data-flow=department_menu] td a");
            assertThat(browser.path()).isEqualTo("/admin/bot/flows/department_menu");

            WebElement greeting = browser.find("#text-greeting");
            greeting.clear();
            greeting.sendKeys("Oi, ");
            browser.click("#variable-chips button[data-variable='{primeiro_nome}']");
            browser.waitUntil(driver -> preview(browser).equals("Oi, Maria"));
            greeting.sendKeys("! A {empresa} agora abre *aos sábados*.");
            browser.waitUntil(driver -> preview(browser)
                .equals("Oi, Maria! A Loja Teste agora abre aos sábados."));
            assertThat(browser.find("#preview-greeting .wa-b").getText())
                .isEqualTo("aos sábados");

            // The menu's look follows the form too: a WhatsApp list, then numbered text again.
            Select look = new Select(browser.find("select[name='s0.style']"));
            look.selectByValue("LIST");
            browser.waitUntil(driver -> browser.find("#state-preview-0").getText()
                .contains("☰ Ver opções"));
            assertThat(browser.find("#state-preview-0 .wa-rows").getText())
                .contains("Laboratório", "Comercial");
            look.selectByValue("TEXT");
            browser.waitUntil(driver -> browser.find("#state-preview-0").getText()
                .contains("1 - Laboratório"));

            browser.clickAndWaitForNewPage("#flow-save");
            assertThat(browser.text()).contains("Nova versão publicada.", "Versão 2");

            browser.open("/simulator/phone");
            browser.type("#phone-settings input[name=customer]", CUSTOMER);
            browser.type("#phone-compose input[name=text]", "oi");
            browser.click("#phone-compose button[type=submit]");
            browser.waitUntil(driver -> driver.findElements(By.cssSelector(
                "#phone-chat li.theirs p")).stream().anyMatch(p -> p.getText().equals(
                "Oi, Cliente! A Loja Teste agora abre *aos sábados*.")));
            // The menu follows the greeting as a second message.
            browser.waitUntil(driver -> browser.find("#phone-chat").getText()
                .contains("1 - Laboratório"));
        }
    }

    private static String preview(Browser browser) {
        return browser.find("#preview-greeting .wa-bubble").getText();
    }
}
