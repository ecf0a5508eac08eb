package com.balcao.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.ApiClient;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ApiAuthIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static String agentEmail;
    static long salesId;

    @BeforeAll
    static void people() {
        Seeds seeds = new Seeds(DB);
        salesId = seeds.department("Comercial", "comercial");
        agentEmail = TestApp.randomEmail("agent");
        seeds.person(agentEmail, PASSWORD, Role.AGENT, List.of(salesId));
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    private ApiClient api() {
        return new ApiClient(APP.getLocalPort());
    }

    private static String refreshBody(String token) {
        return "{\"refreshToken\":\"" + token + "\"}";
    }

    @Test
    void loginGivesTokensThatOpenTheApi() {
        ApiClient.Reply login = api().post("/api/v1/auth/login",
            ApiClient.json(agentEmail, PASSWORD), null);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
        ApiClient.Reply me = api().get("/api/v1/auth/me", login.text("accessToken"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(agentEmail);
        assertThat(me.text("role")).isEqualTo("AGENT");
        assertThat(me.json().get("departmentIds").get(0).asLong()).isEqualTo(salesId);
    }

    @Test
    void refreshRotatesAndLogoutRevokes() {
        ApiClient.Reply login = api().post("/api/v1/auth/login",
            ApiClient.json(agentEmail, PASSWORD), null);
        String first = login.text("refreshToken");

        ApiClient.Reply refreshed = api().post("/api/v1/auth/refresh", refreshBody(first), null);
        assertThat(refreshed.status()).isEqualTo(200);
        String second = refreshed.text("refreshToken");
        assertThat(second).isNotEqualTo(first);
        assertThat(api().get("/api/v1/auth/me", refreshed.text("accessToken")).status())
            .isEqualTo(200);

        assertThat(api().post("/api/v1/auth/logout", refreshBody(second), null).status())
            .isEqualTo(204);
        ApiClient.Reply revoked = api().post("/api/v1/auth/refresh", refreshBody(second), null);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.text("code")).isEqualTo("invalid_refresh_token");
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        String first = api().post("/api/v1/auth/login", ApiClient.json(agentEmail, PASSWORD),
            null).text("refreshToken");
        String second = api().post("/api/v1/auth/refresh", refreshBody(first), null)
            .text("refreshToken");

        ApiClient.Reply replay = api().post("/api/v1/auth/refresh", refreshBody(first), null);
        ApiClient.Reply legitimate = api().post("/api/v1/auth/refresh", refreshBody(second), null);

        assertThat(replay.status()).isEqualTo(401);
        assertThat(legitimate.status()).isEqualTo(401);
    }

    @Test
    void apiWithoutOrWithBadTokenAnswers401Json() {
        ApiClient.Reply none = api().get("/api/v1/auth/me", null);
        ApiClient.Reply forged = api().get("/api/v1/auth/me", "eyJhbGciOiJIUzI1NiJ9.e30.x");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.text("code")).isEqualTo("unauthorized");
        assertThat(none.text("message")).isNotBlank();
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordAndMalformedBodiesGiveJsonErrors() {
        ApiClient.Reply wrong = api().post("/api/v1/auth/login",
            ApiClient.json(agentEmail, "errada-123"), null);
        ApiClient.Reply notJson = api().post("/api/v1/auth/login", "{not json", null);
        ApiClient.Reply missing = api().post("/api/v1/auth/login", "{\"email\":\"a@b.c\"}", null);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text("code")).isEqualTo("invalid_credentials");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.text("code")).isEqualTo("invalid_json");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.text("code")).isEqualTo("invalid_input");
    }

    @Test
    void lockedAccountAnswers429WithRetryAfter() {
        String email = TestApp.randomEmail("locked");
        new Seeds(DB).person(email, PASSWORD, Role.AGENT, List.of());
        for (int i = 0; i < 5; i++) {
            api().post("/api/v1/auth/login", ApiClient.json(email, "errada-" + i), null);
        }

        ApiClient.Reply locked = api().post("/api/v1/auth/login",
            ApiClient.json(email, PASSWORD), null);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.text("code")).isEqualTo("account_locked");
        long retryAfter = Long.parseLong(locked.raw().headers().firstValue("Retry-After")
            .orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15L * 60);
    }

    @Test
    void deactivatedPersonLosesApiAccessAtOnce() {
        String email = TestApp.randomEmail("leaver");
        long id = new Seeds(DB).person(email, PASSWORD, Role.AGENT, List.of());
        ApiClient.Reply login = api().post("/api/v1/auth/login", ApiClient.json(email, PASSWORD),
            null);
        new Seeds(DB).jdbi().useHandle(handle ->
            handle.execute("UPDATE users SET active = FALSE WHERE id = ?", id));

        assertThat(api().get("/api/v1/auth/me", login.text("accessToken")).status())
            .isEqualTo(401);
        assertThat(api().post("/api/v1/auth/refresh", refreshBody(login.text("refreshToken")),
            null).status()).isEqualTo(401);
    }
}
