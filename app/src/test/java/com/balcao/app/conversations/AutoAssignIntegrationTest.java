package com.balcao.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.realtime.EventBus;
import com.balcao.app.realtime.Presence;
import com.balcao.app.realtime.PresenceState;
import com.balcao.app.support.InboxPanel;
import com.balcao.app.support.CustomerPhones;
import com.balcao.app.support.BearerApi;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SseReader;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Departments that distribute their queue automatically, as their agents live it: who is
 * online (an open event stream) receives, the less loaded first; away and offline people
 * receive none; nobody goes past their capacity, and what waited is handed out by the sweep
 * once a slot frees. Each test routes the business number to its own department.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AutoAssignIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"),
        ConfigOverride.config("assignment.sweepSeconds", "1"));
    static final String PASSWORD = "senha-forte-123";
    /** Longer than two sweeps: had anything been handed out, it would have been by then. */
    static final Duration TWO_SWEEPS = Duration.ofMillis(2500);
    static final AtomicInteger CUSTOMERS = new AtomicInteger();
    static final List<SseReader> STREAMS = new ArrayList<>();
    static Seeds seeds;
    static CustomerPhones phones;
    static PanelBrowser admin;

    record Agent(long id, String email, String name) {
    }

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        String adminEmail = TestApp.randomEmail("admin");
        seeds.person(adminEmail, PASSWORD, Role.ADMIN, List.of());
        long reception = seeds.department("Recepção", "recepcao");
        phones = CustomerPhones.connect(APP, seeds, reception, adminEmail, PASSWORD);
        admin = new PanelBrowser(APP.getLocalPort());
        assertThat(admin.login(adminEmail, PASSWORD).statusCode()).isEqualTo(303);
    }

    @AfterAll
    static void dropDatabase() {
        STREAMS.forEach(SseReader::close);
        APP.after();
        DB.close();
    }

    @Test
    void newConversationsGoToTheLessLoadedOnlineAgentAndNeverToAwayBusyOrOfflineOnes()
        throws Exception {
        long sales = department("Vendas", "vendas", true);
        assertThat(admin.get("/admin/departments").body())
            .containsPattern(listed("Vendas", "Automática"));
        Agent bruno = agent("Bruno Reis", sales);
        Agent ana = agent("Ana Lima", sales);
        Agent carla = agent("Carla Dias", sales);
        Agent davi = agent("Davi Souza", sales);
        Agent eva = agent("Eva Prado", sales);
        routeTo(sales);
        InboxPanel anaPanel = panel(ana);
        String earlier = write();
        Thread.sleep(TWO_SWEEPS.toMillis());
        assertThat(assignee(earlier)).as("nobody online: it waits").isNull();
        assertThat(anaPanel.act(earlier, "take").statusCode()).isEqualTo(200);

        SseReader anaStream = online(ana);
        online(bruno);
        online(davi);
        away(davi);
        online(eva);
        choose(eva, "BUSY", "Ocupado");

        List<String> conversations = new ArrayList<>();
        List<String> receivers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String conversation = write();
            Seeds.await("conversation " + i + " handed out", Duration.ofSeconds(10),
                () -> assignee(conversation) != null);
            conversations.add(conversation);
            receivers.add(assignee(conversation));
        }

        assertThat(receivers).as("Ana held one already; between equals, whoever was given one "
            + "least recently").containsExactly("Bruno Reis", "Ana Lima", "Bruno Reis",
            "Ana Lima");
        assertThat(holding(carla)).as("offline").isZero();
        assertThat(holding(davi)).as("away").isZero();
        assertThat(holding(eva)).as("busy").isZero();
        String anaMine = anaPanel.list("tab=mine");
        assertThat(InboxPanel.lists(anaMine, conversations.get(1))).isTrue();
        assertThat(InboxPanel.lists(anaMine, conversations.get(3))).isTrue();
        assertThat(InboxPanel.lists(anaMine, conversations.get(0))).isFalse();
        assertThat(InboxPanel.lists(anaPanel.list("tab=queue"), conversations.get(1))).isFalse();
        assertThat(anaPanel.fragment(conversations.get(1), "timeline").body())
            .contains("Distribuída automaticamente para Ana Lima.");
        assertThat(anaPanel.fragment(conversations.get(0), "timeline").body())
            .contains("Distribuída automaticamente para Bruno Reis.");
        assertThat(anaStream.drain(Duration.ofMillis(500)))
            .filteredOn(event -> "conversation.assigned".equals(event.name()))
            .extracting(SseReader.Received::data)
            .anySatisfy(data -> assertThat(data)
                .contains("\"conversationId\":\"" + conversations.get(1) + "\"")
                .contains("\"assigneeId\":" + ana.id()));
    }

    @Test
    void anAgentAtCapacityGetsNoMoreUntilTheyResolveOneThenTheSweepHandsTheWaitingOne()
        throws Exception {
        long support = department("Suporte", "suporte", true);
        Agent eva = agent("Eva Prado", support);
        seeds.jdbi().useHandle(handle -> handle.execute(
            "UPDATE users SET max_concurrent = 1 WHERE id = ?", eva.id()));
        routeTo(support);
        InboxPanel evaPanel = panel(eva);
        online(eva);

        String first = write();
        Seeds.await("the first conversation handed out", Duration.ofSeconds(10),
            () -> assignee(first) != null);
        String second = write();
        Thread.sleep(TWO_SWEEPS.toMillis());

        assertThat(assignee(first)).isEqualTo("Eva Prado");
        assertThat(assignee(second)).as("Eva is at her maximum of one").isNull();
        assertThat(InboxPanel.lists(evaPanel.list("tab=queue"), second)).isTrue();

        assertThat(evaPanel.act(first, "resolve").statusCode()).isEqualTo(200);
        Seeds.await("the waiting conversation handed out by the sweep", Duration.ofSeconds(10),
            () -> "Eva Prado".equals(assignee(second)));
        assertThat(InboxPanel.lists(evaPanel.list("tab=mine"), second)).isTrue();
        assertThat(evaPanel.fragment(second, "timeline").body())
            .contains("Distribuída automaticamente para Eva Prado.");
    }

    @Test
    void departmentsThatDistributeByHandKeepTheirQueue() throws Exception {
        long finance = department("Financeiro", "financeiro", false);
        assertThat(admin.get("/admin/departments").body())
            .containsPattern(listed("Financeiro", "Manual"));
        Agent gil = agent("Gil Matos", finance);
        routeTo(finance);
        InboxPanel gilPanel = panel(gil);
        online(gil);

        String conversation = write();
        Thread.sleep(TWO_SWEEPS.toMillis());

        assertThat(assignee(conversation)).isNull();
        assertThat(InboxPanel.lists(gilPanel.list("tab=queue"), conversation)).isTrue();
        assertThat(gilPanel.fragment(conversation, "timeline").body())
            .doesNotContain("Distribuída automaticamente");
    }

    /**
     * Four replicas distribute one queue at the same moment: no conversation is given twice
     * and nobody goes past their maximum. (The agents have no panel open, so this app's own
     * sweep stays out; the replicas see everyone online.)
     */
    @Test
    void replicasDistributingAtOnceNeverGiveAConversationTwiceNorOverfill() throws Exception {
        long shipping = department("Expedição", "expedicao", false);
        Agent hugo = agent("Hugo Alves", shipping);
        Agent iris = agent("Iris Nunes", shipping);
        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE users SET max_concurrent = 2 "
            + "WHERE id IN (?, ?)", hugo.id(), iris.id()));
        routeTo(shipping);
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            queued.add(write());
        }
        switchOn(shipping, "Expedição", "expedicao");

        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> given = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                AutoAssigner replica = replica();
                given.add(replicas.submit(() -> {
                    go.await();
                    return replica.distribute(shipping);
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> each : given) {
                total += each.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(4);
        } finally {
            replicas.shutdownNow();
        }

        assertThat(holding(hugo)).isEqualTo(2);
        assertThat(holding(iris)).isEqualTo(2);
        Map<String, Long> notes = new HashMap<>();
        for (String conversation : queued) {
            notes.put(conversation, seeds.count("messages", "body = 'system_auto_assigned' AND "
                + "conversation_id = (SELECT id FROM conversations WHERE public_id = '"
                + conversation + "')"));
        }
        assertThat(notes.values()).containsExactlyInAnyOrder(1L, 1L, 1L, 1L, 0L, 0L);
        assertThat(queued.stream().filter(conversation -> assignee(conversation) == null))
            .as("the longest waiting go first").containsExactly(queued.get(4), queued.get(5));
    }

    /** Another app instance on the same database, with everyone online. */
    private static AutoAssigner replica() {
        Presence everyoneOnline = mock(Presence.class);
        when(everyoneOnline.stateOf(anyLong())).thenReturn(PresenceState.ONLINE);
        ConversationEvents events = new ConversationEvents(mock(EventBus.class),
            seeds.jdbi().onDemand(QueueDao.class));
        ConversationActions actions = new ConversationActions(seeds.jdbi(), null,
            new ConversationChanges(seeds.jdbi(), events, new ObjectMapper(), Clock.systemUTC()),
            events, null, new BotBridge.Slot(), Clock.systemUTC());
        return new AutoAssigner(seeds.jdbi().onDemand(AssignmentDao.class),
            seeds.jdbi().onDemand(ConversationDao.class), actions,
            everyoneOnline, Clock.systemUTC());
    }

    /** Creates the department through the admin form, with automatic distribution or not. */
    private static long department(String name, String slug, boolean autoAssign) {
        admin.get("/admin/departments/new");
        Map<String, String> fields = new HashMap<>(Map.of("name", name, "slug", slug,
            "menuKeywords", "", "responseTimeoutMinutes", "15"));
        if (autoAssign) {
            fields.put("autoAssign", "true");
        }
        assertThat(admin.post("/admin/departments", fields).statusCode()).isEqualTo(303);
        long id = seeds.jdbi().withHandle(handle -> handle.createQuery(
            "SELECT id FROM departments WHERE slug = :slug").bind("slug", slug)
            .mapTo(Long.class).one());
        assertThat(admin.get("/admin/departments/" + id).body().contains(
            "name=\"autoAssign\" value=\"true\" aria-describedby=\"auto-assign-hint\" checked"))
            .as("the form shows the saved choice").isEqualTo(autoAssign);
        return id;
    }

    /** The department's row in the admin list, with how it distributes. */
    private static Pattern listed(String department, String distribution) {
        return Pattern.compile(Pattern.quote(department + "</a>") + "(?:(?!</tr>).)*"
            + Pattern.quote("<td class=\"distribution\">" + distribution + "</td>"),
            Pattern.DOTALL);
    }

    private static void switchOn(long id, String name, String slug) {
        admin.get("/admin/departments/" + id);
        assertThat(admin.post("/admin/departments/" + id, Map.of("name", name, "slug", slug,
            "menuKeywords", "", "responseTimeoutMinutes", "15", "autoAssign", "true"))
            .statusCode()).isEqualTo(303);
    }

    private static Agent agent(String name, long department) {
        String email = TestApp.randomEmail("agent");
        long id = seeds.person(email, PASSWORD, Role.AGENT, List.of(department));
        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE users SET name = ? WHERE id = ?",
            name, id));
        return new Agent(id, email, name);
    }

    /** New conversations of the business number land in this department. */
    private static void routeTo(long department) {
        seeds.jdbi().useHandle(handle -> handle.execute(
            "UPDATE wa_numbers SET default_department_id = ?", department));
    }

    private static InboxPanel panel(Agent agent) {
        return InboxPanel.signIn(APP.getLocalPort(), agent.email(), PASSWORD);
    }

    /** Opens the agent's event stream (online) and waits until supervisors see them so. */
    private static SseReader online(Agent agent) throws Exception {
        String token = BearerApi.login(APP.getLocalPort(), agent.email(), PASSWORD).token();
        SseReader stream = new SseReader("http://localhost:" + APP.getLocalPort()
            + "/api/v1/events", token, null);
        STREAMS.add(stream);
        assertThat(stream.status()).isEqualTo(200);
        awaitPresence(agent, "Online");
        return stream;
    }

    private static void away(Agent agent) {
        PanelBrowser panel = new PanelBrowser(APP.getLocalPort());
        panel.login(agent.email(), PASSWORD);
        panel.get("/");
        HttpResponse<String> away = panel.post("/presence/away", Map.of("away", "true"));
        assertThat(away.statusCode()).isEqualTo(204);
        awaitPresence(agent, "Ausente");
    }

    /** The agent picks a state in the top bar's status picker. */
    private static void choose(Agent agent, String state, String shown) {
        PanelBrowser panel = new PanelBrowser(APP.getLocalPort());
        panel.login(agent.email(), PASSWORD);
        panel.get("/");
        HttpResponse<String> chosen = panel.post("/presence/status", Map.of("state", state));
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(chosen.body()).contains("<option value=\"" + state + "\" selected>");
        awaitPresence(agent, shown);
    }

    private static void awaitPresence(Agent agent, String state) {
        Pattern row = Pattern.compile(Pattern.quote(agent.name())
            + "</a></td><td>[^<]*</td><td><span class=\"presence [^\"]*\">" + state + "<");
        Seeds.await(agent.name() + " " + state, Duration.ofSeconds(10),
            () -> row.matcher(admin.get("/supervision/board").body()).find());
    }

    /** A new customer writes; returns their conversation once recorded. */
    private static String write() {
        String customer = "55219" + String.format("%08d", 10_000_000
            + CUSTOMERS.incrementAndGet());
        phones.write(customer, "Cliente " + customer, "Oi, quero comprar");
        return phones.conversationOf(customer);
    }

    private static String assignee(String conversation) {
        return seeds.jdbi().withHandle(handle -> handle.createQuery("SELECT u.name FROM "
                + "conversations c JOIN users u ON u.id = c.assignee_id WHERE c.public_id = :id")
            .bind("id", conversation).mapTo(String.class).findOne().orElse(null));
    }

    private static long holding(Agent agent) {
        return seeds.count("conversations", "open_flag = 1 AND assignee_id = " + agent.id());
    }
}
