package com.balcao.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.ApiClient;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * Forwarding headers on, as behind the tenant's proxy, but sent by a client that is not a
 * trusted proxy: the address counted by lockout and rate limits stays the real peer's.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClientAddressIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("server.applicationConnectors[0].useForwardedHeaders", "true"),
        TestApp.setting("security.lockoutMaxFailuresPerIp", "6"));
    static final String PASSWORD = "senha-forte-123";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String agent;

    @BeforeAll
    static void people() {
        Seeds seeds = new Seeds(DB);
        agent = TestApp.randomEmail("agent");
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(seeds.department("Loja", "loja")));
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void spoofedForwardedValuesDoNotSplitTheAddressLockout() throws Exception {
        HttpResponse<String> refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            HttpResponse<String> failure = login(TestApp.randomEmail("nobody"), "wrong-password",
                "10.9.8.7");
            refused = failure.statusCode() == 429 ? failure : null;
        }
        assertThat(refused).as("the address is locked after the failures").isNotNull();

        HttpResponse<String> fromAnotherSpoofedAddress = login(agent, PASSWORD, "10.9.8.8");

        assertThat(fromAnotherSpoofedAddress.statusCode()).as(fromAnotherSpoofedAddress.body())
            .isEqualTo(429);
        assertThat(fromAnotherSpoofedAddress.body()).contains("account_locked");
    }

    @Test
    void rateLimitBucketsInRedisExpire() throws Exception {
        login(TestApp.randomEmail("nobody"), "wrong-password", "10.1.1.1");
        new ApiClient(APP.getLocalPort()).get("/api/v1/auth/me", null);

        try (Jedis redis = new Jedis(TestApp.redisHost(), Integer.parseInt(TestApp.redisPort()))) {
            List<String> keys = List.copyOf(redis.keys("test:" + DB.name() + ":ratelimit:*"));
            assertThat(keys).isNotEmpty();
            for (String key : keys) {
                assertThat(redis.ttl(key)).as(key).isPositive();
            }
        }
    }

    private static HttpResponse<String> login(String email, String password, String spoofed)
        throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + APP.getLocalPort() + "/api/v1/auth/login"))
            .header("Content-Type", "application/json")
            .header("Forwarded", "for=" + spoofed)
            .header("X-Forwarded-For", spoofed)
            .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(email, password))).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
