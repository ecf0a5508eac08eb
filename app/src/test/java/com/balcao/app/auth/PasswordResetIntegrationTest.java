package com.balcao.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.ApiClient;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class PasswordResetIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static final Pattern CODE = Pattern.compile("id=\"(?:reset-code|secret)\">([A-Z0-9-]+)<");
    static String adminEmail;

    @BeforeAll
    static void admin() {
        adminEmail = TestApp.randomEmail("admin");
        new Seeds(DB).person(adminEmail, PASSWORD, Role.ADMIN, List.of());
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    private PanelBrowser signedInAdmin() {
        PanelBrowser admin = new PanelBrowser(APP.getLocalPort());
        admin.login(adminEmail, PASSWORD);
        return admin;
    }

    private static String codeIn(HttpResponse<String> page) {
        Matcher matcher = CODE.matcher(page.body());
        assertThat(matcher.find()).as("code shown on the page").isTrue();
        return matcher.group(1);
    }

    @Test
    void requestApprovedByAdminLetsThePersonSetANewPassword() {
        String email = TestApp.randomEmail("forgetful");
        long id = new Seeds(DB).person(email, PASSWORD, Role.AGENT, List.of());
        ApiClient.Reply apiBefore = new ApiClient(APP.getLocalPort()).post("/api/v1/auth/login",
            ApiClient.json(email, PASSWORD), null);
        PanelBrowser person = new PanelBrowser(APP.getLocalPort());
        person.get("/password-reset");
        HttpResponse<String> asked = person.post("/password-reset", Map.of("email", email));
        assertThat(asked.body()).contains("Pedido registrado");

        PanelBrowser admin = signedInAdmin();
        HttpResponse<String> queue = admin.get("/admin/password-resets");
        assertThat(queue.body()).contains(email);
        long requestId = new Seeds(DB).jdbi().withHandle(handle -> handle.createQuery(
            "SELECT id FROM password_resets WHERE user_id = :id AND status = 'PENDING'")
            .bind("id", id).mapTo(Long.class).one());
        String code = codeIn(admin.post("/admin/password-resets/" + requestId + "/approve",
            Map.of()));

        person.get("/password-reset/redeem");
        HttpResponse<String> wrongCode = person.post("/password-reset/redeem", Map.of(
            "email", email, "code", "AAAAA-BBBBB", "password", "nova-senha-456",
            "confirmation", "nova-senha-456"));
        assertThat(wrongCode.statusCode()).isEqualTo(422);
        HttpResponse<String> redeemed = person.post("/password-reset/redeem", Map.of(
            "email", email, "code", code.toLowerCase().replace("-", " "),
            "password", "nova-senha-456", "confirmation", "nova-senha-456"));
        assertThat(redeemed.statusCode()).isEqualTo(303);
        assertThat(new ApiClient(APP.getLocalPort()).post("/api/v1/auth/refresh",
            "{\"refreshToken\":\"" + apiBefore.text("refreshToken") + "\"}", null).status())
            .as("API tokens from before the reset are revoked").isEqualTo(401);

        assertThat(new PanelBrowser(APP.getLocalPort()).login(email, "nova-senha-456")
            .statusCode()).isEqualTo(303);
        assertThat(new PanelBrowser(APP.getLocalPort()).login(email, PASSWORD).statusCode())
            .isEqualTo(401);
        person.get("/password-reset/redeem");
        assertThat(person.post("/password-reset/redeem", Map.of("email", email, "code", code,
            "password", "outra-senha-789", "confirmation", "outra-senha-789")).statusCode())
            .as("a code works once").isEqualTo(422);
    }

    @Test
    void unknownEmailGetsTheSameAnswerAndNoRequest() {
        PanelBrowser person = new PanelBrowser(APP.getLocalPort());
        person.get("/password-reset");
        HttpResponse<String> asked = person.post("/password-reset",
            Map.of("email", "ninguem@nada.local"));

        assertThat(asked.body()).contains("Pedido registrado");
        assertThat(signedInAdmin().get("/admin/password-resets").body())
            .doesNotContain("ninguem@nada.local");
    }

    @Test
    void forcedResetSignsThePersonOutAndTheCodeSetsANewPassword() {
        String email = TestApp.randomEmail("forced");
        long id = new Seeds(DB).person(email, PASSWORD, Role.AGENT, List.of());
        PanelBrowser person = new PanelBrowser(APP.getLocalPort());
        person.login(email, PASSWORD);
        assertThat(person.get("/").statusCode()).isEqualTo(200);

        PanelBrowser admin = signedInAdmin();
        admin.get("/admin/users/" + id);
        String code = codeIn(admin.post("/admin/users/" + id + "/force-reset", Map.of()));

        assertThat(person.get("/").statusCode()).as("signed out at once").isEqualTo(303);
        assertThat(new PanelBrowser(APP.getLocalPort()).login(email, PASSWORD).statusCode())
            .isEqualTo(401);
        PanelBrowser again = new PanelBrowser(APP.getLocalPort());
        again.get("/password-reset/redeem");
        assertThat(again.post("/password-reset/redeem", Map.of("email", email, "code", code,
            "password", "nova-senha-456", "confirmation", "nova-senha-456")).statusCode())
            .isEqualTo(303);
        assertThat(new PanelBrowser(APP.getLocalPort()).login(email, "nova-senha-456")
            .statusCode()).isEqualTo(303);
    }
}
