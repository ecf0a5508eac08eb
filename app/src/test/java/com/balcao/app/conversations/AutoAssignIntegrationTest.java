package com.balcao.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.balcao.app.conversations.AutoAssignTeam.Agent;
import com.balcao.app.config.AppConfig;
import com.balcao.app.realtime.EventBus;
import com.balcao.app.realtime.Presence;
import com.balcao.app.realtime.PresenceState;
import com.balcao.app.support.InboxPanel;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SseReader;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
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
    /** Longer than two sweeps: had anything been handed out, it would have been by then. */
    static final Duration TWO_SWEEPS = Duration.ofMillis(2500);
    static AutoAssignTeam team;

    @BeforeAll
    static void seed() {
        team = new AutoAssignTeam(DB, APP);
    }

    @AfterAll
    static void dropDatabase() {
        team.close();
        APP.after();
        DB.close();
    }

    @Test
    void newConversationsGoToTheLessLoadedOnlineAgentAndNeverToAwayBusyOrOfflineOnes()
        throws Exception {
        long sales = team.department("Vendas", "vendas", true);
        assertThat(team.admin.get("/admin/departments").body())
            .containsPattern(team.listed("Vendas", "Automática"));
        Agent bruno = team.agent("Bruno Reis", sales);
        Agent ana = team.agent("Ana Lima", sales);
        Agent carla = team.agent("Carla Dias", sales);
        Agent davi = team.agent("Davi Souza", sales);
        Agent eva = team.agent("Eva Prado", sales);
        team.routeTo(sales);
        InboxPanel anaPanel = team.panel(ana);
        String earlier = team.write();
        Thread.sleep(TWO_SWEEPS.toMillis());
        assertThat(team.assignee(earlier)).as("nobody online: it waits").isNull();
        assertThat(anaPanel.act(earlier, "take").statusCode()).isEqualTo(200);

        SseReader anaStream = team.online(ana);
        team.online(bruno);
        team.online(davi);
        team.away(davi);
        team.online(eva);
        team.choose(eva, "BUSY", "Ocupado");

        List<String> conversations = new ArrayList<>();
        List<String> receivers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String conversation = team.write();
            Seeds.await("conversation " + i + " handed out", Duration.ofSeconds(10),
                () -> team.assignee(conversation) != null);
            conversations.add(conversation);
            receivers.add(team.assignee(conversation));
        }

        assertThat(receivers).as("Ana held one already; between equals, whoever was given one "
            + "least recently").containsExactly("Bruno Reis", "Ana Lima", "Bruno Reis",
            "Ana Lima");
        assertThat(team.holding(carla)).as("offline").isZero();
        assertThat(team.holding(davi)).as("away").isZero();
        assertThat(team.holding(eva)).as("busy").isZero();
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
        long support = team.department("Suporte", "suporte", true);
        Agent eva = team.agent("Eva Prado", support);
        team.seeds.jdbi().useHandle(handle -> handle.execute(
            "UPDATE users SET max_concurrent = 1 WHERE id = ?", eva.id()));
        team.routeTo(support);
        InboxPanel evaPanel = team.panel(eva);
        team.online(eva);

        String first = team.write();
        Seeds.await("the first conversation handed out", Duration.ofSeconds(10),
            () -> team.assignee(first) != null);
        String second = team.write();
        Thread.sleep(TWO_SWEEPS.toMillis());

        assertThat(team.assignee(first)).isEqualTo("Eva Prado");
        assertThat(team.assignee(second)).as("Eva is at her maximum of one").isNull();
        assertThat(InboxPanel.lists(evaPanel.list("tab=queue"), second)).isTrue();

        assertThat(evaPanel.act(first, "resolve").statusCode()).isEqualTo(200);
        Seeds.await("the waiting conversation handed out by the sweep", Duration.ofSeconds(10),
            () -> "Eva Prado".equals(team.assignee(second)));
        assertThat(InboxPanel.lists(evaPanel.list("tab=mine"), second)).isTrue();
        assertThat(evaPanel.fragment(second, "timeline").body())
            .contains("Distribuída automaticamente para Eva Prado.");
    }

    @Test
    void departmentsThatDistributeByHandKeepTheirQueue() throws Exception {
        long finance = team.department("Financeiro", "financeiro", false);
        assertThat(team.admin.get("/admin/departments").body())
            .containsPattern(team.listed("Financeiro", "Manual"));
        Agent gil = team.agent("Gil Matos", finance);
        team.routeTo(finance);
        InboxPanel gilPanel = team.panel(gil);
        team.online(gil);

        String conversation = team.write();
        Thread.sleep(TWO_SWEEPS.toMillis());

        assertThat(team.assignee(conversation)).isNull();
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
        long shipping = team.department("Expedição", "expedicao", false);
        Agent hugo = team.agent("Hugo Alves", shipping);
        Agent iris = team.agent("Iris Nunes", shipping);
        team.seeds.jdbi().useHandle(handle -> handle.execute("UPDATE users SET max_concurrent = 2 "
            + "WHERE id IN (?, ?)", hugo.id(), iris.id()));
        team.routeTo(shipping);
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            queued.add(team.write());
        }
        team.switchOn(shipping, "Expedição", "expedicao");

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

        assertThat(team.holding(hugo)).isEqualTo(2);
        assertThat(team.holding(iris)).isEqualTo(2);
        Map<String, Long> notes = new HashMap<>();
        for (String conversation : queued) {
            notes.put(conversation, team.seeds.count("messages", "body = 'system_auto_assigned' AND "
                + "conversation_id = (SELECT id FROM conversations WHERE public_id = '"
                + conversation + "')"));
        }
        assertThat(notes.values()).containsExactlyInAnyOrder(1L, 1L, 1L, 1L, 0L, 0L);
        assertThat(queued.stream().filter(conversation -> team.assignee(conversation) == null))
            .as("the longest waiting go first").containsExactly(queued.get(4), queued.get(5));
    }

    /** Another app instance on the same database, with everyone online. */
    private static AutoAssigner replica() {
        Presence everyoneOnline = mock(Presence.class);
        when(everyoneOnline.stateOf(anyLong())).thenReturn(PresenceState.ONLINE);
        ConversationEvents events = new ConversationEvents(mock(EventBus.class),
            team.seeds.jdbi().onDemand(QueueDao.class));
        ConversationActions actions = new ConversationActions(team.seeds.jdbi(), null,
            new ConversationChanges(team.seeds.jdbi(), events, new ObjectMapper(), Clock.systemUTC()),
            events, null, new BotBridge.Slot(), Clock.systemUTC());
        return new AutoAssigner(team.seeds.jdbi().onDemand(AssignmentDao.class),
            team.seeds.jdbi().onDemand(ConversationDao.class), actions,
            everyoneOnline, Clock.systemUTC());
    }
}
