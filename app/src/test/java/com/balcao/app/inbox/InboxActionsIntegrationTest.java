package com.balcao.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.InboxPanel;
import com.balcao.app.support.CustomerPhones;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
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
import java.util.concurrent.atomic.AtomicInteger;
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
    static final String PASSWORD = "senha-forte-123";
    static final AtomicInteger CUSTOMERS = new AtomicInteger();
    static Seeds seeds;
    static CustomerPhones phones;
    static long finance;
    static long carlaId;
    static long brunoId;
    static InboxPanel ana;
    static InboxPanel bruno;
    static InboxPanel carla;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        finance = seeds.department("Financeiro", "financeiro");
        String admin = TestApp.randomEmail("admin");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        ana = agent("Ana Lima", sales);
        bruno = agent("Bruno Reis", sales);
        carla = agent("Carla Dias", finance);
        brunoId = idOf("Bruno Reis");
        carlaId = idOf("Carla Dias");
        phones = CustomerPhones.connect(APP, seeds, sales, admin, PASSWORD);
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    private static InboxPanel agent(String name, long department) {
        String email = TestApp.randomEmail("agent");
        seeds.namedPerson(name, email, PASSWORD, Role.AGENT, List.of(department));
        return InboxPanel.signIn(APP.getLocalPort(), email, PASSWORD);
    }

    private static long idOf(String name) {
        return seeds.personNamed(name);
    }

    private static String newCustomer() {
        return "55119" + String.format("%08d", 10_000_000 + CUSTOMERS.incrementAndGet());
    }

    /** A customer writes for the first time: a new conversation waits in Comercial's queue. */
    private static String queued(String customer) {
        phones.write(customer, "Cliente " + customer, "Oi, preciso de ajuda");
        return phones.conversationOf(customer);
    }

    private static String column(String conversation, String sql) {
        return seeds.jdbi().withHandle(handle -> handle.createQuery(sql.replace(":conversation",
                "(SELECT id FROM conversations WHERE public_id = :id)"))
            .bind("id", conversation).mapTo(String.class).findOne().orElse(null));
    }

    private static long countIn(String conversation, String table, String where) {
        return seeds.count(table, "conversation_id = (SELECT id FROM conversations WHERE "
            + "public_id = '" + conversation + "') AND " + where);
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
                String conversation = queued(newCustomer());
                assertThat(InboxPanel.lists(ana.list("tab=queue"), conversation)).isTrue();
                assertThat(InboxPanel.lists(bruno.list("tab=queue"), conversation)).isTrue();
                CountDownLatch ready = new CountDownLatch(2);
                CountDownLatch go = new CountDownLatch(1);
                Future<HttpResponse<String>> byAna = pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return ana.act(conversation, "take");
                });
                Future<HttpResponse<String>> byBruno = pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return bruno.act(conversation, "take");
                });
                assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
                go.countDown();
                HttpResponse<String> anaAnswer = byAna.get(20, TimeUnit.SECONDS);
                HttpResponse<String> brunoAnswer = byBruno.get(20, TimeUnit.SECONDS);

                assertThat(List.of(anaAnswer.statusCode(), brunoAnswer.statusCode()))
                    .as("round %d", round).containsExactlyInAnyOrder(200, 409);
                boolean anaWon = anaAnswer.statusCode() == 200;
                InboxPanel winner = anaWon ? ana : bruno;
                InboxPanel loser = anaWon ? bruno : ana;
                String winnerName = anaWon ? "Ana Lima" : "Bruno Reis";
                HttpResponse<String> lost = anaWon ? brunoAnswer : anaAnswer;
                HttpResponse<String> won = anaWon ? anaAnswer : brunoAnswer;
                assertThat(lost.body()).contains("Esta conversa já está com " + winnerName + ".")
                    .contains("Com " + winnerName).doesNotContain("id=\"take-over\"");
                assertThat(won.body()).contains("Com você").doesNotContain("role=\"alert\"");
                assertThat(countIn(conversation, "messages", "body = 'system_taken_over'"))
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
        String customer = newCustomer();
        String conversation = queued(customer);
        assertThat(ana.act(conversation, "take").statusCode()).isEqualTo(200);

        HttpResponse<String> brunoSends = bruno.send(conversation, Map.of("text",
            "Deixa que eu respondo", "sign", "1", "key", "bruno-" + System.nanoTime(),
            "as", "message"));
        HttpResponse<String> brunoResolves = bruno.act(conversation, "resolve");
        assertThat(brunoSends.statusCode()).isEqualTo(409);
        assertThat(brunoSends.body()).contains("Esta conversa já está com Ana Lima.")
            .contains("Deixa que eu respondo");
        assertThat(brunoResolves.statusCode()).isEqualTo(409);
        assertThat(brunoResolves.body()).contains("Esta conversa já está com Ana Lima.");
        assertThat(column(conversation, "SELECT owner FROM conversations WHERE id = "
            + ":conversation")).isEqualTo("AGENT");
        assertThat(countIn(conversation, "messages", "direction = 'outbound'")).isZero();

        String key = "ana-" + System.nanoTime();
        Map<String, String> answer = Map.of("text", "Segue o orçamento", "sign", "1",
            "key", key, "as", "message");
        assertThat(ana.send(conversation, answer).statusCode()).isEqualTo(200);
        assertThat(ana.send(conversation, answer).statusCode()).isEqualTo(200);
        String signed = "*Ana Lima - Comercial*:\nSegue o orçamento";
        assertThat(seeds.count("messages", "idempotency_key = '" + key + "'")).isEqualTo(1);
        assertThat(column(conversation, "SELECT body FROM messages WHERE conversation_id = "
            + ":conversation AND idempotency_key = '" + key + "'")).isEqualTo(signed);
        assertThat(seeds.count("wa_outbox o JOIN messages m ON m.id = o.message_id",
            "m.idempotency_key = '" + key + "'")).isEqualTo(1);
        Seeds.await("the signed answer on the customer's phone", Duration.ofSeconds(15),
            () -> businessBubbles(customer, signed) == 1);
        assertThat(InboxPanel.preview(ana.list("tab=mine"), conversation))
            .isEqualTo("Você: Segue o orçamento");
        assertThat(InboxPanel.preview(bruno.list("tab=all"), conversation))
            .isEqualTo("Ana: Segue o orçamento");

        HttpResponse<String> note = bruno.send(conversation, Map.of("text",
            "Cliente pediu desconto de 10%", "key", "note-" + System.nanoTime(), "as", "note"));
        assertThat(note.statusCode()).isEqualTo(200);
        assertThat(ana.fragment(conversation, "timeline").body())
            .contains("Cliente pediu desconto de 10%").contains("Segue o orçamento");
        assertThat(countIn(conversation, "messages", "direction = 'note'")).isEqualTo(1);
        assertThat(seeds.count("wa_outbox", "body LIKE '%desconto de 10%'")).isZero();
        assertThat(seeds.count("wa_outbox o JOIN messages m ON m.id = o.message_id",
            "m.direction = 'note'")).isZero();
        assertThat(businessBubbles(customer, "Cliente pediu desconto de 10%")).isZero();
    }

    private static long businessBubbles(String customer, String text) {
        long count = 0;
        for (JsonNode bubble : phones.chat(customer)) {
            if ("business".equals(bubble.path("side").asText())
                && text.equals(bubble.path("text").asText())) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aBareShortcutSendsTheQuickReplyItNamesNeverTheShortcut() {
        seeds.jdbi().useHandle(handle -> handle.execute("INSERT INTO quick_replies (shortcut, "
            + "body, department_id, created_at, updated_at) VALUES ('horario', 'Abrimos às 9h, "
            + "{primeiro_nome}.', NULL, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))"));
        String customer = newCustomer();
        String conversation = queued(customer);
        assertThat(ana.act(conversation, "take").statusCode()).isEqualTo(200);

        assertThat(ana.send(conversation, Map.of("text", "/Horario", "key",
            "short-" + System.nanoTime(), "as", "message")).statusCode()).isEqualTo(200);
        assertThat(ana.send(conversation, Map.of("text", "/semresposta", "key",
            "short-" + System.nanoTime(), "as", "message")).statusCode()).isEqualTo(200);

        assertThat(countIn(conversation, "messages", "direction = 'outbound' AND body = "
            + "'Abrimos às 9h, Cliente.'")).isEqualTo(1);
        assertThat(countIn(conversation, "messages", "body = '/Horario'")).isZero();
        assertThat(countIn(conversation, "messages", "body = '/semresposta'"))
            .as("a shortcut that names nothing is sent as typed").isEqualTo(1);
    }

    @Test
    void aResolvedConversationReopensHeldByWhoeverReopensIt() {
        String conversation = queued(newCustomer());
        assertThat(ana.act(conversation, "take").statusCode()).isEqualTo(200);

        HttpResponse<String> resolved = ana.act(conversation, "resolve");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(resolved.body()).contains("Encerrada").contains("id=\"reopen\"");
        assertThat(InboxPanel.lists(ana.list("tab=resolved"), conversation)).isTrue();
        assertThat(InboxPanel.lists(ana.list("tab=mine"), conversation)).isFalse();
        assertThat(InboxPanel.lists(ana.list("tab=all"), conversation)).isFalse();

        HttpResponse<String> reopened = bruno.act(conversation, "reopen");
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(reopened.body()).contains("Com você").doesNotContain("id=\"reopen\"");
        assertThat(InboxPanel.lists(bruno.list("tab=mine"), conversation)).isTrue();
        assertThat(InboxPanel.lists(ana.list("tab=mine"), conversation)).isFalse();
        assertThat(InboxPanel.lists(ana.list("tab=resolved"), conversation)).isFalse();
        assertThat(column(conversation, "SELECT assignee_id FROM conversations WHERE id = "
            + ":conversation")).isEqualTo(Long.toString(brunoId));
        assertThat(bruno.fragment(conversation, "timeline").body())
            .contains("Ana Lima encerrou a conversa.").contains("Bruno Reis reabriu a conversa.");
        assertThat(ana.act(conversation, "reopen").statusCode()).isEqualTo(409);
    }

    @Test
    void aTransferWithAReasonLandsInTheChosenPersonsInboxOfTheOtherDepartment() {
        String conversation = queued(newCustomer());
        assertThat(ana.act(conversation, "take").statusCode()).isEqualTo(200);

        HttpResponse<String> transferred = ana.act(conversation, "transfer", Map.of(
            "department", Long.toString(finance), "person", Long.toString(carlaId),
            "reason", "Quer a segunda via do boleto"));

        assertThat(transferred.statusCode()).as("the transfer's answer to Ana").isEqualTo(200);
        assertThat(transferred.headers().firstValue("HX-Redirect")).hasValue("/inbox");
        assertThat(ana.fragment(conversation, "state").statusCode()).isEqualTo(404);
        assertThat(InboxPanel.lists(carla.list("tab=mine"), conversation)).isTrue();
        assertThat(InboxPanel.lists(ana.list("tab=mine"), conversation)).isFalse();
        assertThat(carla.fragment(conversation, "timeline").body()).contains("Ana Lima "
            + "transferiu a conversa para Carla Dias (Financeiro). Motivo: Quer a segunda via do "
            + "boleto");
        assertThat(carla.fragment(conversation, "state").body()).contains("Financeiro")
            .contains("Com você");
    }

    @Test
    void aCustomerWhoWritesAgainAfterResolveReturnsToWhoServedThemWithTheWholeHistory()
        throws Exception {
        String customer = newCustomer();
        String first = queued(customer);
        assertThat(ana.act(first, "take").statusCode()).isEqualTo(200);
        assertThat(ana.act(first, "transfer", Map.of("department", Long.toString(finance),
            "person", Long.toString(carlaId), "reason", "")).statusCode()).isEqualTo(200);
        assertThat(carla.send(first, Map.of("text", "A segunda via fica em R$ 89,90", "key",
            "quote-" + System.nanoTime(), "as", "message")).statusCode()).isEqualTo(200);
        assertThat(carla.act(first, "resolve").statusCode()).isEqualTo(200);

        Thread.sleep(1100);
        phones.write(customer, "Cliente " + customer, "Pode mandar o boleto?");
        String again = phones.conversationOf(customer);
        assertThat(again).isNotEqualTo(first);

        assertThat(column(again, "SELECT department_id FROM conversations WHERE id = "
            + ":conversation")).as("back in the department that served them")
            .isEqualTo(Long.toString(finance));
        String chat = carla.fragment(again, "pane").body();
        assertThat(chat).contains("Conversa anterior").contains("R$ 89,90")
            .contains("Esta conversa").contains("Pode mandar o boleto?");
        assertThat(chat.indexOf("R$ 89,90")).isLessThan(chat.indexOf("Pode mandar o boleto?"));
        assertThat(ana.fragment(again, "pane").statusCode())
            .as("Comercial does not see Financeiro's conversation").isEqualTo(404);
    }

    @Test
    void theHolderReadingUnreadMessagesSendsBlueTicksAndClearsTheCounter() {
        String customer = newCustomer();
        String conversation = queued(customer);
        String first = column(conversation, "SELECT wa_message_id FROM messages WHERE "
            + "conversation_id = :conversation AND direction = 'inbound'");
        assertThat(ana.act(conversation, "take").statusCode()).isEqualTo(200);
        assertThat(seeds.count("wa_outbox", "kind = 'read' AND body LIKE '%" + first + "%'"))
            .as("blue ticks for what Ana read when taking over").isEqualTo(1);

        String second = phones.write(customer, "Cliente " + customer, "Ainda está aí?");
        assertThat(InboxPanel.showsUnread(ana.list("tab=mine"), conversation)).isTrue();
        assertThat(bruno.fragment(conversation, "pane").statusCode()).isEqualTo(200);
        assertThat(seeds.count("wa_outbox", "kind = 'read' AND body LIKE '%" + second + "%'"))
            .as("a colleague looking is not the holder reading").isZero();
        assertThat(InboxPanel.showsUnread(ana.list("tab=mine"), conversation)).isTrue();

        HttpResponse<String> pane = ana.fragment(conversation, "pane?tab=mine");

        assertThat(pane.statusCode()).isEqualTo(200);
        assertThat(pane.body()).contains("Ainda está aí?");
        String listAfter = ana.list("tab=mine&c=" + conversation);
        assertThat(InboxPanel.lists(listAfter, conversation)).isTrue();
        assertThat(InboxPanel.showsUnread(listAfter, conversation)).isFalse();
        assertThat(seeds.count("wa_outbox", "kind = 'read' AND body LIKE '%" + second + "%'"))
            .isEqualTo(1);
        Seeds.await("the read receipt sent to the fake Graph", Duration.ofSeconds(15),
            () -> seeds.count("wa_outbox", "kind = 'read' AND state = 'SENT' AND body LIKE '%"
                + second + "%'") == 1);
    }

    @Test
    void outsideTheWindowTheComposerOffersTemplatesAndRefusesText() {
        String conversation = queued(newCustomer());
        assertThat(ana.act(conversation, "take").statusCode()).isEqualTo(200);
        String openState = "open-send-window-held";
        assertThat(ana.fragment(conversation, "composer?shown=" + openState).statusCode())
            .isEqualTo(204);
        seeds.jdbi().useHandle(handle -> {
            handle.execute("UPDATE conversations SET last_inbound_at = UTC_TIMESTAMP(6) - "
                + "INTERVAL 25 HOUR WHERE public_id = ?", conversation);
            handle.execute("INSERT IGNORE INTO wa_templates (waba_id, name, language, category, "
                + "status, body_text, parameter_count, created_at, updated_at) VALUES (?, "
                + "'retomar_contato', 'pt_BR', 'UTILITY', 'APPROVED', 'Olá {{1}}, podemos "
                + "continuar?', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", WhatsAppFixtures.WABA_ID);
        });

        HttpResponse<String> composer = ana.fragment(conversation, "composer?shown=" + openState);
        HttpResponse<String> text = ana.send(conversation, Map.of("text", "Oi, tudo bem?",
            "sign", "1", "key", "late-" + System.nanoTime(), "as", "message"));

        assertThat(composer.statusCode()).isEqualTo(200);
        assertThat(composer.body()).contains("id=\"template-choice\"")
            .contains("<option value=\"retomar_contato|pt_BR\">retomar_contato (pt_BR)</option>")
            .contains("o WhatsApp só permite um modelo aprovado")
            .doesNotContain("id=\"composer-text\"");
        assertThat(ana.fragment(conversation, "state").body())
            .contains("Janela de 24 h fechada: só modelos");
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(text.body()).contains("Fora da janela de 24 horas");
        assertThat(countIn(conversation, "messages", "direction = 'outbound'")).isZero();
        assertThat(ana.fragment(conversation, "template-fields?template=retomar_contato%7Cpt_BR")
            .body()).contains("Olá {{1}}, podemos continuar?").contains("name=\"param\"");

        HttpResponse<String> template = ana.act(conversation, "template", Map.of(
            "template", "retomar_contato|pt_BR", "param", "Maria",
            "key", "t-" + System.nanoTime()));

        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(countIn(conversation, "messages", "direction = 'outbound' AND type = "
            + "'template'")).isEqualTo(1);
    }

    @Test
    void theHolderSendsAPictureWithASignedCaptionAndUnsupportedFilesAreRefused() {
        String customer = "55119" + (87000000 + CUSTOMERS.incrementAndGet());
        phones.write(customer, "Cliente Foto", "Manda foto do produto?");
        String id = phones.conversationOf(customer);
        assertThat(ana.act(id, "take").statusCode()).isEqualTo(200);
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAf"
            + "FcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

        HttpResponse<String> sent = ana.sendFile(id, Map.of("text", "Olha essa", "sign", "1",
            "key", "foto-1", "as", "message"), "produto.png", "image/png", png);
        assertThat(sent.statusCode()).isEqualTo(200);
        String timeline = ana.fragment(id, "timeline").body();
        assertThat(timeline).contains("data-type=\"image\"").contains("class=\"media-image\"")
            .contains("<strong>Ana Lima - Comercial</strong>:\nOlha essa");
        Seeds.await("the picture on the customer's phone", Duration.ofSeconds(10),
            () -> phones.chat(customer).toString().contains("Olha essa"));

        long before = seeds.count("messages", "direction = 'outbound'");
        HttpResponse<String> refused = ana.sendFile(id, Map.of("text", "programa", "key",
            "exe-1", "as", "message"), "virus.exe", "application/x-msdownload", new byte[] {77, 90});
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("composer-error").contains(">programa</textarea>");
        assertThat(seeds.count("messages", "direction = 'outbound'")).isEqualTo(before);
    }

    @Test
    void theNavigationCountsWhatWaitsInTheQueue() {
        int before = queueBadge(ana);
        int otherDepartment = queueBadge(carla);
        String customer = "55119" + (87000000 + CUSTOMERS.incrementAndGet());
        phones.write(customer, "Cliente Fila", "Alguém aí?");
        assertThat(queueBadge(ana)).isEqualTo(before + 1);
        assertThat(queueBadge(carla)).as("another department's queue")
            .isEqualTo(otherDepartment);
        assertThat(ana.act(phones.conversationOf(customer), "take").statusCode()).isEqualTo(200);
        assertThat(queueBadge(ana)).isEqualTo(before);
    }

    private static int queueBadge(InboxPanel panel) {
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("nav-count[^>]*>(\\d+)<")
            .matcher(panel.get("/inbox/badge").body());
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }
}
