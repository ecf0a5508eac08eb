package com.balcao.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.BearerApi;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SseReader;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ending someone's access takes effect at once: access tokens stop working when the person
 * signs out everywhere, and open live streams close at the next heartbeat after the session
 * ends, the token is revoked, the account is deactivated or a department is taken away.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RevocationIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        TestApp.setting("security.streamHeartbeatSeconds", "1"));
    static final String PASSWORD = "senha-forte-123";
    static Seeds seeds;
    static long sales;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        sales = seeds.department("Comercial", "comercial");
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    static String person() {
        String email = TestApp.randomEmail("agent");
        seeds.person(email, PASSWORD, Role.AGENT, List.of(sales));
        return email;
    }

    static PanelBrowser panel(String email) {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(email, PASSWORD);
        browser.get("/profile");
        return browser;
    }

    static void changePassword(PanelBrowser browser) {
        assertThat(browser.post("/profile/password", Map.of("current", PASSWORD,
            "password", "outra-senha-forte-456", "confirmation", "outra-senha-forte-456"))
            .statusCode()).isEqualTo(303);
    }

    static SseReader apiStream(BearerApi api) throws Exception {
        SseReader stream = new SseReader("http://localhost:" + APP.getLocalPort()
            + "/api/v1/events", api.token(), null);
        assertThat(stream.status()).isEqualTo(200);
        return stream;
    }

    @Test
    void anAccessTokenStopsWorkingWhenItsPersonSignsOutEverywhere() {
        String email = person();
        BearerApi api = BearerApi.login(APP.getLocalPort(), email, PASSWORD);
        assertThat(api.get("/api/v1/auth/me").status()).isEqualTo(200);

        changePassword(panel(email));

        assertThat(api.get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void aPanelStreamClosesWhenItsSessionEnds() throws Exception {
        PanelBrowser browser = panel(person());
        try (SseReader stream = SseReader.withHeaders("http://localhost:" + APP.getLocalPort()
            + "/events", Map.of("Cookie", browser.cookieHeader()))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.endsWithin(Duration.ofMillis(2500))).isFalse();

            browser.post("/logout", Map.of());

            assertThat(stream.endsWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void anApiStreamClosesWhenItsTokenIsRevoked() throws Exception {
        String email = person();
        try (SseReader stream = apiStream(BearerApi.login(APP.getLocalPort(), email, PASSWORD))) {
            changePassword(panel(email));

            assertThat(stream.endsWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void aStreamClosesWhenItsPersonIsDeactivated() throws Exception {
        String email = person();
        try (SseReader stream = apiStream(BearerApi.login(APP.getLocalPort(), email, PASSWORD))) {
            seeds.jdbi().useHandle(handle -> handle.execute(
                "UPDATE users SET active = FALSE WHERE email = ?", email));

            assertThat(stream.endsWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void aStreamClosesWhenItsPersonLeavesADepartment() throws Exception {
        String email = person();
        try (SseReader stream = apiStream(BearerApi.login(APP.getLocalPort(), email, PASSWORD))) {
            seeds.jdbi().useHandle(handle -> handle.execute("DELETE ud FROM user_departments ud "
                + "JOIN users u ON u.id = ud.user_id WHERE u.email = ?", email));

            assertThat(stream.endsWithin(Duration.ofSeconds(5))).isTrue();
        }
    }
}
