package com.balcao.app.inbox;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.CustomerPhones;
import com.balcao.app.support.InboxPanel;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shop the inbox tests work in: Comercial (Ana Lima, Bruno Reis) and Financeiro (Carla
 * Dias), signed in to the panel, and customers who write from the simulator's phone.
 */
final class InboxTeam {
    static final String PASSWORD = "senha-forte-123";
    final Seeds seeds;
    final CustomerPhones phones;
    final long finance;
    final InboxPanel ana;
    final InboxPanel bruno;
    final InboxPanel carla;
    final long brunoId;
    final long carlaId;
    private final int port;
    private final AtomicInteger customers = new AtomicInteger();

    InboxTeam(TestDatabase database, DropwizardAppExtension<AppConfig> app) {
        port = app.getLocalPort();
        seeds = new Seeds(database);
        long sales = seeds.department("Comercial", "comercial");
        finance = seeds.department("Financeiro", "financeiro");
        String admin = TestApp.randomEmail("admin");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        ana = agent("Ana Lima", sales);
        bruno = agent("Bruno Reis", sales);
        carla = agent("Carla Dias", finance);
        brunoId = seeds.personNamed("Bruno Reis");
        carlaId = seeds.personNamed("Carla Dias");
        phones = CustomerPhones.connect(app, seeds, sales, admin, PASSWORD);
    }

    private InboxPanel agent(String name, long department) {
        String email = TestApp.randomEmail("agent");
        seeds.namedPerson(name, email, PASSWORD, Role.AGENT, List.of(department));
        return InboxPanel.signIn(port, email, PASSWORD);
    }

    String newCustomer() {
        return "55119" + String.format("%08d", 10_000_000 + customers.incrementAndGet());
    }

    /** A customer writes for the first time: a new conversation waits in Comercial's queue. */
    String queued(String customer) {
        phones.write(customer, "Cliente " + customer, "Oi, preciso de ajuda");
        return phones.conversationOf(customer);
    }

    /** One value about the conversation; {@code :conversation} in the SQL is its row id. */
    String column(String conversation, String sql) {
        return seeds.jdbi().withHandle(handle -> handle.createQuery(sql.replace(":conversation",
                "(SELECT id FROM conversations WHERE public_id = :id)"))
            .bind("id", conversation).mapTo(String.class).findOne().orElse(null));
    }

    long countIn(String conversation, String table, String where) {
        return seeds.count(table, "conversation_id = (SELECT id FROM conversations WHERE "
            + "public_id = '" + conversation + "') AND " + where);
    }
}
