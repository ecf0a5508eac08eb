package com.balcao.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.config.Redis;
import com.balcao.app.realtime.Event;
import com.balcao.app.realtime.EventBus;
import com.balcao.app.realtime.EventType;
import com.balcao.app.support.Browser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The supervisors' board follows the queue live, without a reload. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SupervisionBrowserTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void aNewWaitingConversationAppearsOnTheBoardWithoutReload() throws Exception {
        Seeds seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        long number = seeds.whatsAppNumber("200000000000008", "15550100008", sales, null);
        String supervisor = TestApp.randomEmail("super");
        seeds.person(supervisor, PASSWORD, Role.SUPERVISOR, List.of());
        Redis redis = new Redis(APP.getConfiguration().redis);
        try (Browser browser = Browser.start(APP.getLocalPort())) {
            browser.signIn(supervisor, PASSWORD);
            browser.open("/supervision");
            assertThat(browser.find("#queues-table tbody").getText()).contains("Comercial 0");
            browser.script("window.marker = 'same page'");
            Thread.sleep(500);

            seeds.jdbi().useHandle(handle -> {
                long contact = handle.createUpdate("INSERT INTO contacts (public_id, wa_id, "
                        + "created_at, updated_at) VALUES ('contactlivexxxxxxxxxxx', '5511999990000', "
                        + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                handle.execute("INSERT INTO conversations (public_id, contact_id, wa_number_id, "
                    + "department_id, owner, open_flag, last_inbound_at, last_message_at, "
                    + "created_at, updated_at) VALUES ('convlivexxxxxxxxxxxxxx', ?, ?, ?, 'QUEUE', "
                    + "1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), "
                    + "UTC_TIMESTAMP(6))", contact, number, sales);
            });
            new EventBus(redis, new ObjectMapper()).publish(Event.of(EventType.CONVERSATION_CREATED,
                sales, null, Map.of("conversationId", "convlivexxxxxxxxxxxxxx")));

            browser.waitUntil(driver -> browser.find("#queues-table tbody").getText()
                .contains("Comercial 1"));
            assertThat(browser.script("return window.marker")).isEqualTo("same page");
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            redis.stop();
        }
    }
}
