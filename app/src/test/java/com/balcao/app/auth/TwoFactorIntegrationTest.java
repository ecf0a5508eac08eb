package com.balcao.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.ApiClient;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class TwoFactorIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    private static String code(String secret, int periodOffset) throws Exception {
        long period = Math.floorDiv(System.currentTimeMillis() / 1000, 30) + periodOffset;
        return new DefaultCodeGenerator().generate(secret, period);
    }

    /** Enrols through the profile pages; returns the secret and the recovery codes shown. */
    private static Map.Entry<String, List<String>> enrol(PanelBrowser browser) throws Exception {
        HttpResponse<String> start = browser.post("/profile/2fa/start", Map.of());
        assertThat(start.body()).contains("data:image/png;base64,");
        Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(start.body());
        assertThat(secret.find()).isTrue();
        HttpResponse<String> confirmed = browser.post("/profile/2fa/confirm",
            Map.of("code", code(secret.group(1), -1)));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Verificação em duas etapas ativada.");
        Matcher codes = Pattern.compile("<li><code>([a-z0-9-]+)</code></li>")
            .matcher(confirmed.body());
        List<String> recovery = new ArrayList<>();
        while (codes.find()) {
            recovery.add(codes.group(1));
        }
        assertThat(recovery).hasSize(10);
        return Map.entry(secret.group(1), recovery);
    }

    @Test
    void enrolledAccountNeedsTheCodeAtLogin() throws Exception {
        String email = TestApp.randomEmail("totp");
        new Seeds(DB).person(email, PASSWORD, Role.SUPERVISOR, List.of());
        PanelBrowser setup = new PanelBrowser(APP.getLocalPort());
        setup.login(email, PASSWORD);
        setup.get("/profile/2fa");
        String secret = enrol(setup).getKey();

        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        HttpResponse<String> password = browser.login(email, PASSWORD);
        assertThat(password.headers().firstValue("Location").orElseThrow()).endsWith("/login/2fa");
        assertThat(browser.get("/").statusCode()).as("not signed in yet").isEqualTo(303);

        browser.get("/login/2fa");
        HttpResponse<String> wrong = browser.post("/login/2fa", Map.of("code", "000000"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Código inválido");

        HttpResponse<String> right = browser.post("/login/2fa", Map.of("code", code(secret, 0)));
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void recoveryCodeWorksOnceAndTheApiAsksForTheCode() throws Exception {
        String email = TestApp.randomEmail("recovery");
        new Seeds(DB).person(email, PASSWORD, Role.AGENT, List.of());
        PanelBrowser setup = new PanelBrowser(APP.getLocalPort());
        setup.login(email, PASSWORD);
        setup.get("/profile/2fa");
        String recovery = enrol(setup).getValue().get(0);

        PanelBrowser first = new PanelBrowser(APP.getLocalPort());
        first.login(email, PASSWORD);
        first.get("/login/2fa");
        assertThat(first.post("/login/2fa", Map.of("code", recovery)).statusCode()).isEqualTo(303);

        PanelBrowser second = new PanelBrowser(APP.getLocalPort());
        second.login(email, PASSWORD);
        second.get("/login/2fa");
        assertThat(second.post("/login/2fa", Map.of("code", recovery)).statusCode())
            .isEqualTo(401);

        ApiClient.Reply api = new ApiClient(APP.getLocalPort()).post("/api/v1/auth/login",
            ApiClient.json(email, PASSWORD), null);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.text("code")).isEqualTo("totp_required");
    }
}
