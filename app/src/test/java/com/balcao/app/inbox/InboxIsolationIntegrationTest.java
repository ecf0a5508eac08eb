package com.balcao.app.inbox;

import com.balcao.app.conversations.Cursor;
import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.InboxPanel;
import com.balcao.app.support.CustomerPhones;
import com.balcao.app.support.ApiClient;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SseReader;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An agent of Financeiro facing a conversation of Comercial: every inbox page, fragment and
 * action answers as if it did not exist, no list or search shows it and no event about it
 * reaches their stream, while Comercial's agent sees all of it. Once a supervisor transfers it
 * to Financeiro, it is theirs to see.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InboxIsolationIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static final String PASSWORD = "senha-forte-123";
    static final Duration WAIT = Duration.ofSeconds(5);
    static final ObjectMapper JSON = new ObjectMapper();
    static Seeds seeds;
    static CustomerPhones phones;
    static long sales;
    static long finance;
    static String salesEmail;
    static String financeEmail;
    static InboxPanel salesAgent;
    static InboxPanel financeAgent;
    static InboxPanel supervisor;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        sales = seeds.department("Comercial", "comercial");
        finance = seeds.department("Financeiro", "financeiro");
        String admin = TestApp.randomEmail("admin");
        String supervisorEmail = TestApp.randomEmail("super");
        salesEmail = TestApp.randomEmail("sales");
        financeEmail = TestApp.randomEmail("finance");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        seeds.person(supervisorEmail, PASSWORD, Role.SUPERVISOR, List.of());
        seeds.person(salesEmail, PASSWORD, Role.AGENT, List.of(sales));
        seeds.person(financeEmail, PASSWORD, Role.AGENT, List.of(finance));
        salesAgent = InboxPanel.signIn(APP.getLocalPort(), salesEmail, PASSWORD);
        financeAgent = InboxPanel.signIn(APP.getLocalPort(), financeEmail, PASSWORD);
        supervisor = InboxPanel.signIn(APP.getLocalPort(), supervisorEmail, PASSWORD);
        phones = CustomerPhones.connect(APP, seeds, sales, admin, PASSWORD);
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    private static long count(String conversation, String table, String where) {
        return seeds.count(table, "conversation_id = (SELECT id FROM conversations WHERE "
            + "public_id = '" + conversation + "') AND " + where);
    }

    private static String messageOf(String conversation) {
        return seeds.jdbi().withHandle(handle -> handle.createQuery("SELECT m.public_id FROM "
                + "messages m JOIN conversations c ON c.id = m.conversation_id "
                + "WHERE c.public_id = :id AND m.direction = 'inbound' LIMIT 1")
            .bind("id", conversation).mapTo(String.class).one());
    }

    @Test
    void everyPageFragmentAndActionAnswersNotFoundOutsideTheDepartment() {
        phones.write("5511955501001", "Marcia Quintela", "Quero cancelar o pedido 4471");
        String conversation = phones.conversationOf("5511955501001");
        String cursor = new Cursor(Instant.now(), Long.MAX_VALUE).encode();
        List<String> reads = List.of("pane", "state", "timeline", "timeline?since=" + cursor,
            "older?before=" + cursor, "composer", "composer?shown=stale",
            "quick-replies?text=/oi", "template-fields?template=retomar%7Cpt_BR");
        for (String read : reads) {
            assertThat(salesAgent.fragment(conversation, read).statusCode()).as(read)
                .isEqualTo(200);
        }
        assertThat(salesAgent.fragment(conversation, "pane").body()).contains("Marcia Quintela")
            .contains("Quero cancelar o pedido 4471");

        for (String read : reads) {
            HttpResponse<String> answer = financeAgent.fragment(conversation, read);
            assertThat(answer.statusCode()).as(read).isEqualTo(404);
            assertThat(answer.body()).as(read).doesNotContain("Marcia")
                .doesNotContain("4471");
        }
        Map<String, Map<String, String>> actions = new LinkedHashMap<>();
        actions.put("take", Map.of());
        actions.put("bot", Map.of());
        actions.put("resolve", Map.of());
        actions.put("reopen", Map.of());
        actions.put("transfer", Map.of("department", Long.toString(finance), "person", "",
            "reason", "Quero para mim"));
        actions.put("template", Map.of("template", "retomar|pt_BR", "param", "x", "key", "t1"));
        actions.put("react", Map.of("message", messageOf(conversation), "emoji", "👍"));
        actions.put("typing", Map.of());
        List<HttpResponse<String>> answers = new ArrayList<>();
        actions.forEach((action, fields) -> answers.add(
            financeAgent.act(conversation, action, fields)));
        answers.add(financeAgent.send(conversation, Map.of("text", "Resposta indevida",
            "sign", "1", "key", "k1", "as", "message")));
        answers.add(financeAgent.send(conversation, Map.of("text", "Nota indevida",
            "key", "k2", "as", "note")));

        assertThat(answers).extracting(answer -> answer.request().uri().getPath() + " "
            + answer.statusCode()).allSatisfy(line -> assertThat(line).endsWith(" 404"));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.body())
            .doesNotContain("Marcia"));
        assertThat(seeds.count("conversations", "public_id = '" + conversation + "' AND "
            + "owner = 'QUEUE' AND assignee_id IS NULL AND department_id = "
            + sales)).isEqualTo(1);
        assertThat(count(conversation, "messages", "direction <> 'inbound'")).isZero();
        assertThat(seeds.count("wa_outbox", "recipient = '5511955501001'")).isZero();
        assertThat(financeAgent.get("/inbox?c=" + conversation).body())
            .doesNotContain("Marcia").doesNotContain(conversation);
    }

    @Test
    void noListOrSearchShowsAnotherDepartmentsConversation() {
        phones.write("5511955501002", "Rosangela Pimenta", "Segunda via do boleto 9182");
        String conversation = phones.conversationOf("5511955501002");
        List<String> queries = List.of("tab=all", "tab=queue", "tab=waiting", "tab=mine",
            "tab=all&q=Rosangela", "tab=all&q=9182", "tab=all&q=5511955501002",
            "tab=all&unread=1", "tab=all&department=" + sales);

        for (String query : queries) {
            assertThat(InboxPanel.lists(salesAgent.list(query), conversation)).as(query)
                .isEqualTo(!query.equals("tab=mine"));
            String list = financeAgent.list(query);
            assertThat(InboxPanel.lists(list, conversation)).as(query).isFalse();
            assertThat(rows(list)).as(query).doesNotContain("Rosangela")
                .doesNotContain("9182");
        }
        String page = financeAgent.get("/inbox?tab=all").body();
        assertThat(page).doesNotContain("Rosangela").doesNotContain(conversation);
        assertThat(salesAgent.get("/inbox?tab=all").body()).contains("Rosangela");
    }

    /** The list's rows, without the filters that echo what was searched. */
    private static String rows(String list) {
        int start = list.indexOf("<ul class=\"conversations\">");
        return list.substring(start, list.indexOf("</ul>", start));
    }

    private static SseReader stream(String email) throws Exception {
        String token = new ApiClient(APP.getLocalPort()).login(email, PASSWORD);
        SseReader reader = new SseReader("http://localhost:" + APP.getLocalPort()
            + "/api/v1/events", token, null);
        assertThat(reader.status()).isEqualTo(200);
        Thread.sleep(300);
        return reader;
    }

    /** Everything a stream received so far, kept across waits. */
    private record Seen(SseReader reader, List<SseReader.Received> events) {
        Seen(SseReader reader) {
            this(reader, new ArrayList<>());
        }

        /** Waits for an event of that type about the conversation. */
        void await(String type, String conversation) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (about(type, conversation).isEmpty() && System.nanoTime() < deadline) {
                SseReader.Received event = reader.next(Duration.ofMillis(100));
                if (event != null) {
                    events.add(event);
                }
            }
            assertThat(about(type, conversation)).as("a %s event", type).isNotEmpty();
        }

        /** What arrived about the conversation after waiting a moment more. */
        List<String> settle(String conversation) throws InterruptedException {
            events.addAll(reader.drain(Duration.ofMillis(1500)));
            return about(null, conversation);
        }

        List<String> about(String type, String conversation) {
            return events.stream().map(SseReader.Received::data)
                .filter(data -> data.contains("\"" + conversation + "\""))
                .filter(data -> type == null || data.contains("\"type\":\"" + type + "\""))
                .toList();
        }
    }

    @Test
    void noEventOfAnotherDepartmentsConversationReachesTheAgentUntilItIsTransferredToThem()
        throws Exception {
        try (SseReader salesStream = stream(salesEmail);
             SseReader financeStream = stream(financeEmail)) {
            Seen salesSaw = new Seen(salesStream);
            Seen financeSaw = new Seen(financeStream);

            phones.write("5511955501003", "Joana Bastos", "Meu pedido não chegou");
            String conversation = phones.conversationOf("5511955501003");
            salesSaw.await("conversation.created", conversation);
            salesSaw.await("message.created", conversation);
            assertThat(salesAgent.act(conversation, "typing").statusCode()).isEqualTo(204);
            salesSaw.await("typing", conversation);
            assertThat(salesAgent.act(conversation, "take").statusCode()).isEqualTo(200);
            salesSaw.await("conversation.assigned", conversation);
            phones.write("5511955501003", "Joana Bastos", "Alguém aí?");
            long created = salesSaw.settle(conversation).stream()
                .filter(data -> data.contains("\"message.created\"")).count();

            assertThat(created).as("the customer's two messages and the take over's note")
                .isEqualTo(3);
            assertThat(financeSaw.settle(conversation)).isEmpty();

            HttpResponse<String> transfer = supervisor.act(conversation, "transfer", Map.of(
                "department", Long.toString(finance), "person", "",
                "reason", "Assunto de cobrança"));
            assertThat(transfer.statusCode()).isEqualTo(200);
            financeSaw.await("conversation.transferred", conversation);
            assertThat(InboxPanel.lists(financeAgent.list("tab=queue"), conversation)).isTrue();
            assertThat(InboxPanel.lists(financeAgent.list("tab=all&q=Joana"), conversation))
                .isTrue();
            assertThat(financeAgent.fragment(conversation, "pane").body())
                .contains("Joana Bastos").contains("Meu pedido não chegou");
            assertThat(salesAgent.fragment(conversation, "pane").statusCode()).isEqualTo(404);

            int salesBefore = salesSaw.settle(conversation).size();
            phones.write("5511955501003", "Joana Bastos", "Agora é com o financeiro?");
            financeSaw.await("message.created", conversation);
            assertThat(financeAgent.act(conversation, "take").statusCode()).isEqualTo(200);
            financeSaw.await("conversation.assigned", conversation);
            assertThat(salesSaw.settle(conversation)).hasSize(salesBefore);
        }
    }

    @Test
    void queueCountersReachTheDepartmentsStaffOnly() throws Exception {
        try (SseReader salesStream = stream(salesEmail);
             SseReader financeStream = stream(financeEmail)) {
            phones.write("5511955501077", "Otávio Nunes", "Quero um orçamento");
            String conversation = phones.conversationOf("5511955501077");
            JsonNode arrived = queueEvent(salesStream);
            assertThat(arrived.path("departmentId").asLong()).isEqualTo(sales);
            int waiting = arrived.path("waiting").asInt();
            assertThat(waiting).isEqualTo(seeds.count("conversations", "department_id = "
                + sales + " AND owner = 'QUEUE'"));
            assertThat(arrived.path("oldestWaitingSince").asText()).isNotEmpty();

            assertThat(salesAgent.act(conversation, "take").statusCode()).isEqualTo(200);
            assertThat(queueEvent(salesStream).path("waiting").asInt()).isEqualTo(waiting - 1);
            assertThat(financeStream.drain(Duration.ofMillis(1500)))
                .noneMatch(event -> event.data().contains("queue.changed"));
        }
    }

    /** The next queue counter the stream receives. */
    private static JsonNode queueEvent(SseReader reader) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SseReader.Received event = reader.next(Duration.ofMillis(100));
            if (event != null && "queue.changed".equals(event.name())) {
                return JSON.readTree(event.data());
            }
        }
        throw new AssertionError("no queue.changed event");
    }
}
