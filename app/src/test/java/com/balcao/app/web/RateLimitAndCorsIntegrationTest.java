package com.balcao.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.ApiClient;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class RateLimitAndCorsIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("security.apiRequestsPerMinute", "5"),
        ConfigOverride.config("security.loginRequestsPerMinute", "50"),
        ConfigOverride.config("security.corsAllowedOrigins", "https://crm.example.com"));

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void apiCallsOverTheLimitGet429WithRetryAfter() {
        ApiClient api = new ApiClient(APP.getLocalPort());
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/v1/auth/me", null).status()).isEqualTo(401);
        }

        ApiClient.Reply limited = api.get("/api/v1/auth/me", null);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("code")).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow()))
            .isBetween(1L, 60L);
    }

    @Test
    void corsIsOpenOnlyToConfiguredOrigins() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> allowed = client.send(preflight("https://crm.example.com"),
            HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> other = client.send(preflight("https://evil.example.com"),
            HttpResponse.BodyHandlers.ofString());

        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
            .hasValue("https://crm.example.com");
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static HttpRequest preflight(String origin) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort()
                + "/api/v1/auth/login"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin).header("Access-Control-Request-Method", "POST").build();
    }
}
