package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TcpProxy;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database goes away (every connection cut, new ones refused) while Meta keeps posting:
 * the webhook answers 503 so Meta retries, and once the database is back every call that was
 * answered 200 ends up as exactly one message.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhookOutageIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final TcpProxy PROXY = new TcpProxy(TestDatabase.serverAddress()[0],
        Integer.parseInt(TestDatabase.serverAddress()[1]));
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        TestApp.setting("database.url", DB.urlVia("127.0.0.1", PROXY.port())),
        ConfigOverride.config("database.maxWaitForConnection", "1s"),
        ConfigOverride.config("database.properties.connectTimeout", "1000"));

    @BeforeAll
    static void seed() {
        Seeds seeds = new Seeds(DB);
        seeds.whatsAppNumber(WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER,
            seeds.department("Comercial", "comercial"), null);
    }

    @AfterAll
    static void stop() {
        APP.after();
        PROXY.close();
        DB.close();
    }

    @Test
    void whileTheDatabaseIsDownNothingIsAcknowledgedAndAfterwardsNothingAcknowledgedIsLost() {
        Seeds seeds = new Seeds(DB);
        List<byte[]> before = bodies("before", 5);
        List<byte[]> during = bodies("during", 5);
        before.forEach(body -> assertThat(post(body)).isEqualTo(200));

        PROXY.cut();
        List<Integer> answersWhileDown = new ArrayList<>();
        during.forEach(body -> answersWhileDown.add(post(body)));
        PROXY.restore();
        during.forEach(body -> assertThat(retryLikeMeta(body)).isEqualTo(200));
        seeds.awaitInboxDrained(Duration.ofSeconds(30));

        assertThat(answersWhileDown).containsOnly(503);
        assertThat(seeds.count("messages", "direction = 'inbound'")).isEqualTo(20);
        assertThat(seeds.count("messages", "wa_message_id LIKE 'wamid.before%'")).isEqualTo(10);
        assertThat(seeds.count("messages", "wa_message_id LIKE 'wamid.during%'")).isEqualTo(10);
    }

    /** Meta retries a call that was not answered 200, with growing pauses. */
    private static int retryLikeMeta(byte[] body) {
        int status = 0;
        for (int attempt = 0; attempt < 12 && status != 200; attempt++) {
            status = post(body);
            if (status != 200) {
                sleep(250L * (attempt + 1));
            }
        }
        return status;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int post(byte[] body) {
        HttpResponse<String> answer = WhatsAppFixtures.postSigned(APP.getLocalPort(), body);
        return answer.statusCode();
    }

    /** Calls of two messages each, from two customers. */
    private static List<byte[]> bodies(String prefix, int count) {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(WhatsAppFixtures.textMessages(List.of(
                new String[] {"wamid." + prefix + i + "a", "5511987650001", "Oi " + i},
                new String[] {"wamid." + prefix + i + "b", "5511987650002", "Olá " + i}),
                1767261600L + i));
        }
        return bodies;
    }
}
