package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The app is stopped while its processor is in the middle of the inbox, then started again
 * on the same database: every acknowledged message exists exactly once.
 */
class InboxRestartIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final int CALLS = 150;

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void everyAcknowledgedMessageExistsExactlyOnceAfterARestartMidBatch() throws Exception {
        Seeds seeds = new Seeds(DB);
        seeds.whatsAppNumber(WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER,
            seeds.department("Comercial", "comercial"), null);
        DropwizardTestSupport<AppConfig> first = TestApp.support(DB);
        first.before();
        int acknowledged = 0;
        try {
            for (int i = 0; i < CALLS; i++) {
                byte[] body = WhatsAppFixtures.textMessages(List.of(
                    new String[] {"wamid.r" + i + "a", "55119876" + (5000 + i % 20), "a" + i},
                    new String[] {"wamid.r" + i + "b", "55119876" + (6000 + i % 20), "b" + i},
                    new String[] {"wamid.r" + i + "c", "55119876" + (7000 + i % 20), "c" + i}),
                    1767261600L + i);
                if (WhatsAppFixtures.postSigned(first.getLocalPort(), body).statusCode() == 200) {
                    acknowledged++;
                }
            }
        } finally {
            first.after();
        }
        long leftOver = seeds.count("webhook_inbox", "state = 'PENDING'");

        DropwizardTestSupport<AppConfig> second = TestApp.support(DB);
        second.before();
        try {
            seeds.awaitInboxDrained(Duration.ofSeconds(60));
        } finally {
            second.after();
        }

        assertThat(acknowledged).isEqualTo(CALLS);
        assertThat(leftOver).as("rows the first app left unprocessed").isPositive();
        assertThat(seeds.count("messages", "wa_message_id LIKE 'wamid.r%'"))
            .isEqualTo(3L * CALLS);
        assertThat(seeds.count("webhook_inbox", "state = 'DONE'")).isEqualTo(CALLS);
        assertThat(seeds.count("conversations", "TRUE")).isEqualTo(60);
    }
}
