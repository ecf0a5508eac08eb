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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A staff member's day in one tab: many page changes, back and forth, never a frozen page. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PanelDayBrowserTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    /**
     * A frozen tab waited 42–55 s for a connection; a page change takes a fraction of a second
     * here. The bound catches a freeze with room for a busy test machine.
     */
    static final Duration PAGE_CHANGE_LIMIT = Duration.ofSeconds(5);
    static String adminEmail;

    @BeforeAll
    static void people() {
        Seeds seeds = new Seeds(DB);
        seeds.department("Comercial", "comercial");
        adminEmail = TestApp.randomEmail("admin");
        seeds.person(adminEmail, PASSWORD, Role.ADMIN, List.of());
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void tenPageChangesInOneTabEachFinishQuickly() {
        try (Browser browser = Browser.start(APP.getLocalPort())) {
            browser.signIn(adminEmail, PASSWORD);

            List<String> slow = new ArrayList<>();
            String[] pages = {"/admin/users", "/profile", "/admin/password-resets", "/inbox",
                "/admin/departments", "back", "/admin/quick-replies", "back", "/supervision",
                "/admin/labels", "back", "/"};
            for (String page : pages) {
                long started = System.nanoTime();
                if ("back".equals(page)) {
                    browser.driver().navigate().back();
                } else {
                    browser.open(page);
                }
                browser.waitUntil(driver -> "complete".equals(
                    browser.script("return document.readyState")));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                if (took.compareTo(PAGE_CHANGE_LIMIT) > 0) {
                    slow.add(page + " took " + took.toMillis() + " ms");
                }
            }

            assertThat(slow).as("page changes slower than " + PAGE_CHANGE_LIMIT).isEmpty();
            assertThat(browser.find("h1").getText()).startsWith("Olá");
        }
    }
}
