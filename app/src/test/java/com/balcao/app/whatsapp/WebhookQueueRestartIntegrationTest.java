package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The app is stopped while its processor is in the middle of the inbox, then started again
 * on the same database: every acknowledged message exists exactly once.
 */
class WebhookQueueRestartIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final int CALLS = 100;
    /** Each call carries this many messages: recording them outlasts taking the call in. */
    static final int PER_CALL = 30;

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void everyAcknowledgedMessageExistsExactlyOnceAfterARestartMidBatch() throws Exception {
        Seeds seeds = new Seeds(DB);
        seeds.whatsAppNumber(WhatsAppFixtures.PHONE_NUMBER_ID, WhatsAppFixtures.DISPLAY_NUMBER,
            seeds.department("Comercial", "comercial"), null);
        // One processing worker: the first app must still have work queued when it stops.
        DropwizardTestSupport<AppConfig> first = TestApp.support(DB,
            ConfigOverride.config("whatsapp.inboxWorkers", "1"));
        first.before();
        int acknowledged = 0;
        List<Integer> refusals = new ArrayList<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                byte[] body = WhatsAppFixtures.textMessages(batch(i), 1767261600L + i);
                int status = WhatsAppFixtures.postSigned(first.getLocalPort(), body).statusCode();
                if (status == 200) {
                    acknowledged++;
                } else {
                    refusals.add(status);
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

        assertThat(refusals).as("a busy app may only ask Meta to retry").allMatch(s -> s == 503);
        assertThat(acknowledged).as("a loaded machine may refuse a few").isGreaterThan(CALLS - 5);
        assertThat(leftOver).as("rows the first app left unprocessed").isPositive();
        assertThat(seeds.count("webhook_inbox", "state = 'DONE'")).isEqualTo(acknowledged);
        assertThat(seeds.count("messages", "wa_message_id LIKE 'wamid.r%'"))
            .isEqualTo((long) PER_CALL * acknowledged);
        assertThat(seeds.count("conversations", "TRUE")).isEqualTo(60);
    }

    /** Ten messages from each of three customers (sixty customers in all over the calls). */
    private static List<String[]> batch(int call) {
        List<String[]> messages = new ArrayList<>();
        for (int customer = 0; customer < 3; customer++) {
            String waId = "55119876" + (5000 + 1000 * customer + call % 20);
            for (int m = 0; m < PER_CALL / 3; m++) {
                messages.add(new String[] {"wamid.r" + call + "c" + customer + "m" + m, waId,
                    "m" + m + " of call " + call});
            }
        }
        return messages;
    }
}
