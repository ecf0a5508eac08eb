package com.balcao.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.InboxPanel;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The inbox's actions as two agents of Comercial (Ana, Bruno) and one of Financeiro (Carla)
 * use them: taking over at the same moment, answering signed, notes, resolving, reopening,
 * transferring, blue ticks and the 24-hour window. Customers write from the simulator's phone,
 * and answers travel through the outbox to the simulator's fake Graph API.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InboxActionsIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static InboxTeam team;

    @BeforeAll
    static void seed() {
        team = new InboxTeam(DB, APP);
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void whenTwoAgentsTakeOverAtOnceOneHoldsItAndTheOtherIsToldWho() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String conversation = team.queued(team.newCustomer());
                assertThat(InboxPanel.lists(team.ana.list("tab=queue"), conversation)).isTrue();
                assertThat(InboxPanel.lists(team.bruno.list("tab=queue"), conversation)).isTrue();
                CountDownLatch ready = new CountDownLatch(2);
                CountDownLatch go = new CountDownLatch(1);
                Future<HttpResponse<String>> byAna = pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return team.ana.act(conversation, "take");
                });
                Future<HttpResponse<String>> byBruno = pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return team.bruno.act(conversation, "take");
                });
                assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
                go.countDown();
                HttpResponse<String> anaAnswer = byAna.get(20, TimeUnit.SECONDS);
                HttpResponse<String> brunoAnswer = byBruno.get(20, TimeUnit.SECONDS);

                assertThat(List.of(anaAnswer.statusCode(), brunoAnswer.statusCode()))
                    .as("round %d", round).containsExactlyInAnyOrder(200, 409);
                boolean anaWon = anaAnswer.statusCode() == 200;
                InboxPanel winner = anaWon ? team.ana : team.bruno;
                InboxPanel loser = anaWon ? team.bruno : team.ana;
                String winnerName = anaWon ? "Ana Lima" : "Bruno Reis";
                HttpResponse<String> lost = anaWon ? brunoAnswer : anaAnswer;
                HttpResponse<String> won = anaWon ? anaAnswer : brunoAnswer;
                assertThat(lost.body()).contains("Esta conversa já está com " + winnerName + ".")
                    .contains("Com " + winnerName).doesNotContain("id=\"take-over\"");
                assertThat(won.body()).contains("Com você").doesNotContain("role=\"alert\"");
                assertThat(team.countIn(conversation, "messages", "body = 'system_taken_over'"))
                    .isEqualTo(1);
                assertThat(occurrences(winner.fragment(conversation, "timeline").body(),
                    "assumiu a conversa")).isEqualTo(1);
                assertThat(InboxPanel.lists(winner.list("tab=mine"), conversation)).isTrue();
                assertThat(InboxPanel.lists(loser.list("tab=mine"), conversation)).isFalse();
                assertThat(InboxPanel.lists(loser.list("tab=queue"), conversation)).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheHolderAnswersSignedOnceAndNotesNeverReachTheCustomer() {
        String customer = team.newCustomer();
        String conversation = team.queued(customer);
        assertThat(team.ana.act(conversation, "take").statusCode()).isEqualTo(200);

        HttpResponse<String> brunoSends = team.bruno.send(conversation, Map.of("text",
            "Deixa que eu respondo", "sign", "1", "key", "bruno-" + System.nanoTime(),
            "as", "message"));
        HttpResponse<String> brunoResolves = team.bruno.act(conversation, "resolve");
        assertThat(brunoSends.statusCode()).isEqualTo(409);
        assertThat(brunoSends.body()).contains("Esta conversa já está com Ana Lima.")
            .contains("Deixa que eu respondo");
        assertThat(brunoResolves.statusCode()).isEqualTo(409);
        assertThat(brunoResolves.body()).contains("Esta conversa já está com Ana Lima.");
        assertThat(team.column(conversation, "SELECT owner FROM conversations WHERE id = "
            + ":conversation")).isEqualTo("AGENT");
        assertThat(team.countIn(conversation, "messages", "direction = 'outbound'")).isZero();

        String key = "ana-" + System.nanoTime();
        Map<String, String> answer = Map.of("text", "Segue o orçamento", "sign", "1",
            "key", key, "as", "message");
        assertThat(team.ana.send(conversation, answer).statusCode()).isEqualTo(200);
        assertThat(team.ana.send(conversation, answer).statusCode()).isEqualTo(200);
        String signed = "*Ana Lima - Comercial*:\nSegue o orçamento";
        assertThat(team.seeds.count("messages", "idempotency_key = '" + key + "'")).isEqualTo(1);
        assertThat(team.column(conversation, "SELECT body FROM messages WHERE conversation_id = "
            + ":conversation AND idempotency_key = '" + key + "'")).isEqualTo(signed);
        assertThat(team.seeds.count("wa_outbox o JOIN messages m ON m.id = o.message_id",
            "m.idempotency_key = '" + key + "'")).isEqualTo(1);
        Seeds.await("the signed answer on the customer's phone", Duration.ofSeconds(15),
            () -> businessBubbles(customer, signed) == 1);
        assertThat(InboxPanel.preview(team.ana.list("tab=mine"), conversation))
            .isEqualTo("Você: Segue o orçamento");
        assertThat(InboxPanel.preview(team.bruno.list("tab=all"), conversation))
            .isEqualTo("Ana: Segue o orçamento");

        HttpResponse<String> note = team.bruno.send(conversation, Map.of("text",
            "Cliente pediu desconto de 10%", "key", "note-" + System.nanoTime(), "as", "note"));
        assertThat(note.statusCode()).isEqualTo(200);
        assertThat(team.ana.fragment(conversation, "timeline").body())
            .contains("Cliente pediu desconto de 10%").contains("Segue o orçamento");
        assertThat(team.countIn(conversation, "messages", "direction = 'note'")).isEqualTo(1);
        assertThat(team.seeds.count("wa_outbox", "body LIKE '%desconto de 10%'")).isZero();
        assertThat(team.seeds.count("wa_outbox o JOIN messages m ON m.id = o.message_id",
            "m.direction = 'note'")).isZero();
        assertThat(businessBubbles(customer, "Cliente pediu desconto de 10%")).isZero();
    }

    private static long businessBubbles(String customer, String text) {
        long count = 0;
        for (JsonNode bubble : team.phones.chat(customer)) {
            if ("business".equals(bubble.path("side").asText())
                && text.equals(bubble.path("text").asText())) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aResolvedConversationReopensHeldByWhoeverReopensIt() {
        String conversation = team.queued(team.newCustomer());
        assertThat(team.ana.act(conversation, "take").statusCode()).isEqualTo(200);

        HttpResponse<String> resolved = team.ana.act(conversation, "resolve");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(resolved.body()).contains("Encerrada").contains("id=\"reopen\"");
        assertThat(InboxPanel.lists(team.ana.list("tab=resolved"), conversation)).isTrue();
        assertThat(InboxPanel.lists(team.ana.list("tab=mine"), conversation)).isFalse();
        assertThat(InboxPanel.lists(team.ana.list("tab=all"), conversation)).isFalse();

        HttpResponse<String> reopened = team.bruno.act(conversation, "reopen");
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(reopened.body()).contains("Com você").doesNotContain("id=\"reopen\"");
        assertThat(InboxPanel.lists(team.bruno.list("tab=mine"), conversation)).isTrue();
        assertThat(InboxPanel.lists(team.ana.list("tab=mine"), conversation)).isFalse();
        assertThat(InboxPanel.lists(team.ana.list("tab=resolved"), conversation)).isFalse();
        assertThat(team.column(conversation, "SELECT assignee_id FROM conversations WHERE id = "
            + ":conversation")).isEqualTo(Long.toString(team.brunoId));
        assertThat(team.bruno.fragment(conversation, "timeline").body())
            .contains("Ana Lima encerrou a conversa.").contains("Bruno Reis reabriu a conversa.");
        assertThat(team.ana.act(conversation, "reopen").statusCode()).isEqualTo(409);
    }

    @Test
    void aTransferWithAReasonLandsInTheChosenPersonsInboxOfTheOtherDepartment() {
        String conversation = team.queued(team.newCustomer());
        assertThat(team.ana.act(conversation, "take").statusCode()).isEqualTo(200);

        HttpResponse<String> transferred = team.ana.act(conversation, "transfer", Map.of(
            "department", Long.toString(team.finance), "person", Long.toString(team.carlaId),
            "reason", "Quer a segunda via do boleto"));

        assertThat(transferred.statusCode()).as("the transfer's answer to Ana").isEqualTo(200);
        assertThat(transferred.headers().firstValue("HX-Redirect")).hasValue("/inbox");
        assertThat(team.ana.fragment(conversation, "state").statusCode()).isEqualTo(404);
        assertThat(InboxPanel.lists(team.carla.list("tab=mine"), conversation)).isTrue();
        assertThat(InboxPanel.lists(team.ana.list("tab=mine"), conversation)).isFalse();
        assertThat(team.carla.fragment(conversation, "timeline").body()).contains("Ana Lima "
            + "transferiu a conversa para Carla Dias (Financeiro). Motivo: Quer a segunda via do "
            + "boleto");
        assertThat(team.carla.fragment(conversation, "state").body()).contains("Financeiro")
            .contains("Com você");
    }

    @Test
    void aCustomerWhoWritesAgainAfterResolveReturnsToWhoServedThemWithTheWholeHistory()
        throws Exception {
        String customer = team.newCustomer();
        String first = team.queued(customer);
        assertThat(team.ana.act(first, "take").statusCode()).isEqualTo(200);
        assertThat(team.ana.act(first, "transfer", Map.of("department", Long.toString(team.finance),
            "person", Long.toString(team.carlaId), "reason", "")).statusCode()).isEqualTo(200);
        assertThat(team.carla.send(first, Map.of("text", "A segunda via fica em R$ 89,90", "key",
            "quote-" + System.nanoTime(), "as", "message")).statusCode()).isEqualTo(200);
        assertThat(team.carla.act(first, "resolve").statusCode()).isEqualTo(200);

        Thread.sleep(1100);
        team.phones.write(customer, "Cliente " + customer, "Pode mandar o boleto?");
        String again = team.phones.conversationOf(customer);
        assertThat(again).isNotEqualTo(first);

        assertThat(team.column(again, "SELECT department_id FROM conversations WHERE id = "
            + ":conversation")).as("back in the department that served them")
            .isEqualTo(Long.toString(team.finance));
        String chat = team.carla.fragment(again, "pane").body();
        assertThat(chat).contains("Conversa anterior").contains("R$ 89,90")
            .contains("Esta conversa").contains("Pode mandar o boleto?");
        assertThat(chat.indexOf("R$ 89,90")).isLessThan(chat.indexOf("Pode mandar o boleto?"));
        assertThat(team.ana.fragment(again, "pane").statusCode())
            .as("Comercial does not see Financeiro's conversation").isEqualTo(404);
    }

    @Test
    void theHolderReadingUnreadMessagesSendsBlueTicksAndClearsTheCounter() {
        String customer = team.newCustomer();
        String conversation = team.queued(customer);
        String first = team.column(conversation, "SELECT wa_message_id FROM messages WHERE "
            + "conversation_id = :conversation AND direction = 'inbound'");
        assertThat(team.ana.act(conversation, "take").statusCode()).isEqualTo(200);
        assertThat(team.seeds.count("wa_outbox", "kind = 'read' AND body LIKE '%" + first + "%'"))
            .as("blue ticks for what Ana read when taking over").isEqualTo(1);

        String second = team.phones.write(customer, "Cliente " + customer, "Ainda está aí?");
        assertThat(InboxPanel.showsUnread(team.ana.list("tab=mine"), conversation)).isTrue();
        assertThat(team.bruno.fragment(conversation, "pane").statusCode()).isEqualTo(200);
        assertThat(team.seeds.count("wa_outbox", "kind = 'read' AND body LIKE '%" + second + "%'"))
            .as("a colleague looking is not the holder reading").isZero();
        assertThat(InboxPanel.showsUnread(team.ana.list("tab=mine"), conversation)).isTrue();

        HttpResponse<String> pane = team.ana.fragment(conversation, "pane?tab=mine");

        assertThat(pane.statusCode()).isEqualTo(200);
        assertThat(pane.body()).contains("Ainda está aí?");
        String listAfter = team.ana.list("tab=mine&c=" + conversation);
        assertThat(InboxPanel.lists(listAfter, conversation)).isTrue();
        assertThat(InboxPanel.showsUnread(listAfter, conversation)).isFalse();
        assertThat(team.seeds.count("wa_outbox", "kind = 'read' AND body LIKE '%" + second + "%'"))
            .isEqualTo(1);
        Seeds.await("the read receipt sent to the fake Graph", Duration.ofSeconds(15),
            () -> team.seeds.count("wa_outbox", "kind = 'read' AND state = 'SENT' AND body LIKE '%"
                + second + "%'") == 1);
    }

    @Test
    void theNavigationCountsWhatWaitsInTheQueue() {
        int before = queueBadge(team.ana);
        int otherDepartment = queueBadge(team.carla);
        String customer = team.newCustomer();
        team.phones.write(customer, "Cliente Fila", "Alguém aí?");
        assertThat(queueBadge(team.ana)).isEqualTo(before + 1);
        assertThat(queueBadge(team.carla)).as("another department's queue")
            .isEqualTo(otherDepartment);
        assertThat(team.ana.act(team.phones.conversationOf(customer), "take").statusCode()).isEqualTo(200);
        assertThat(queueBadge(team.ana)).isEqualTo(before);
    }

    private static int queueBadge(InboxPanel panel) {
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("nav-count[^>]*>(\\d+)<")
            .matcher(panel.get("/inbox/badge").body());
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }
}
