package com.balcao.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TOTP secrets are stored encrypted like the WhatsApp credentials: a copy of the database does
 * not hand out everyone's second factor. Secrets stored in plain text before are encrypted at
 * start and keep working.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TotpSecretStorageIntegrationTest {
    static final String PASSWORD = "senha-forte-123";
    static final String LEGACY_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final String LEGACY = legacyPerson();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    /** Someone who turned 2FA on before secrets were encrypted (before the app starts). */
    private static String legacyPerson() {
        String email = TestApp.randomEmail("legacy");
        Seeds seeds = new Seeds(DB);
        seeds.person(email, PASSWORD, Role.AGENT, List.of());
        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE users SET totp_secret = ?, "
            + "totp_enabled = TRUE WHERE email = ?", LEGACY_SECRET, email));
        return email;
    }

    private static String stored(String email) {
        return new Seeds(DB).jdbi().withHandle(handle -> handle.createQuery(
            "SELECT totp_secret FROM users WHERE email = :email").bind("email", email)
            .mapTo(String.class).one());
    }

    private static String code(String secret, int periodOffset) throws Exception {
        return new DefaultCodeGenerator().generate(secret,
            Math.floorDiv(System.currentTimeMillis() / 1000, 30) + periodOffset);
    }

    private static int signIn(String email, String secret) throws Exception {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(email, PASSWORD);
        browser.get("/login/2fa");
        return browser.post("/login/2fa", Map.of("code", code(secret, 0))).statusCode();
    }

    @Test
    void aPlainSecretFromBeforeIsEncryptedAtStartAndStillWorks() throws Exception {
        assertThat(stored(LEGACY)).startsWith("v1:").doesNotContain(LEGACY_SECRET);
        assertThat(signIn(LEGACY, LEGACY_SECRET)).isEqualTo(303);
    }

    @Test
    void aNewlyEnrolledSecretIsStoredEncrypted() throws Exception {
        String email = TestApp.randomEmail("totp");
        new Seeds(DB).person(email, PASSWORD, Role.AGENT, List.of());
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(email, PASSWORD);
        browser.get("/profile/2fa");
        HttpResponse<String> start = browser.post("/profile/2fa/start", Map.of());
        Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(start.body());
        assertThat(secret.find()).isTrue();
        assertThat(browser.post("/profile/2fa/confirm", Map.of("code", code(secret.group(1), -1)))
            .statusCode()).isEqualTo(200);

        assertThat(stored(email)).startsWith("v1:").doesNotContain(secret.group(1));
        assertThat(signIn(email, secret.group(1))).isEqualTo(303);
    }
}
