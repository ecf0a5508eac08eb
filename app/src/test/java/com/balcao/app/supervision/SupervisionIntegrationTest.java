package com.balcao.app.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.ApiClient;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SseReader;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class SupervisionIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    /** An open conversation of a new contact, held by {@code assignee} (or waiting). */
    private static void conversation(Seeds seeds, long number, long department, Long assignee,
                                     int minutesWaiting) {
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt());
        seeds.jdbi().useHandle(handle -> {
            long contact = handle.createUpdate("INSERT INTO contacts (public_id, wa_id, name, "
                    + "phone, created_at, updated_at) VALUES (:pid, :wa, '<b>Cliente</b>', :wa, "
                    + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
                .bind("pid", ("c" + suffix + "xxxxxxxxxxxxxxxxxxxxx").substring(0, 22))
                .bind("wa", "5511" + Math.abs(suffix.hashCode()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            handle.createUpdate("INSERT INTO conversations (public_id, contact_id, wa_number_id, "
                    + "department_id, assignee_id, owner, open_flag, last_inbound_at, "
                    + "last_message_at, created_at, updated_at) VALUES (:pid, :contact, :number, "
                    + ":department, :assignee, :owner, 1, UTC_TIMESTAMP(6) - INTERVAL :wait "
                    + "MINUTE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
                .bind("pid", ("v" + suffix + "xxxxxxxxxxxxxxxxxxxxx").substring(0, 22))
                .bind("contact", contact).bind("number", number).bind("department", department)
                .bind("assignee", assignee).bind("owner", assignee == null ? "QUEUE" : "AGENT")
                .bind("wait", minutesWaiting).execute();
        });
    }

    @Test
    void supervisorsSeeQueuesAndWhoIsOnlineHoldingHowMuch() throws Exception {
        Seeds seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        long number = seeds.whatsAppNumber("200000000000009", "15550100009", sales, null);
        String supervisor = TestApp.randomEmail("super");
        String agent = TestApp.randomEmail("agent");
        seeds.person(supervisor, PASSWORD, Role.SUPERVISOR, List.of());
        long agentId = seeds.person(agent, PASSWORD, Role.AGENT, List.of(sales));
        conversation(seeds, number, sales, null, 12);
        conversation(seeds, number, sales, null, 3);
        conversation(seeds, number, sales, agentId, 1);
        conversation(seeds, number, sales, null, 30);
        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE conversations SET owner = 'BOT' "
            + "WHERE last_inbound_at < UTC_TIMESTAMP(6) - INTERVAL 20 MINUTE"));

        try (SseReader agentOnline = new SseReader("http://localhost:" + APP.getLocalPort()
            + "/api/v1/events", new ApiClient(APP.getLocalPort()).login(agent, PASSWORD), null)) {
            assertThat(agentOnline.status()).isEqualTo(200);
            PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
            browser.login(supervisor, PASSWORD);
            String board = browser.get("/supervision/board").body();

            assertThat(board).as("the one with the bot waits for nobody")
                .containsPattern("<tr class=\"row-link\" data-href=\"/inbox\\?tab&#61;queue&amp;department&#61;"
                    + sales + "\"><td><a href=\"/inbox\\?tab&#61;queue&amp;department&#61;" + sales
                    + "\">Comercial</a></td><td>2</td><td>1[12] min</td>");
            String person = "/inbox\\?tab&#61;all&amp;person&#61;" + agentId;
            assertThat(board).containsPattern("<tr class=\"row-link\" data-href=\"" + person
                + "\"><td><a href=\"" + person + "\">Pessoa agent</a></td><td>Atendente</td>"
                + "<td><span class=\"presence online\">Online</span></td><td>1 / 5</td>");
            String held = browser.get("/inbox/list?tab=all&person=" + agentId).body();
            assertThat(held).contains("Conversas com <strong>Pessoa agent</strong>");
            assertThat(held.split("class=\"conversation[ \"]").length - 1)
                .as("only the one the agent holds").isEqualTo(1);
            assertThat(browser.get("/supervision").body()).contains("Supervisão")
                .contains("hx-trigger=\"live:inbox from:body");
        }
    }

    @Test
    void agentsCannotOpenTheBoard() {
        String agent = TestApp.randomEmail("agent");
        new Seeds(DB).person(agent, PASSWORD, Role.AGENT, List.of());
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(agent, PASSWORD);

        assertThat(browser.get("/supervision").statusCode()).isEqualTo(403);
        assertThat(browser.get("/").body()).doesNotContain("href=\"/supervision\"");
    }
}
