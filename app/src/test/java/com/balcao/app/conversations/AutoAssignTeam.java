package com.balcao.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.BearerApi;
import com.balcao.app.support.CustomerPhones;
import com.balcao.app.support.InboxPanel;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SseReader;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The shop the automatic distribution tests work in: an admin who creates departments through
 * the admin form, agents who come online (an open event stream), go away or busy, and new
 * customers who write from the simulator's phone.
 */
final class AutoAssignTeam {
    static final String PASSWORD = "senha-forte-123";
    final Seeds seeds;
    final CustomerPhones phones;
    final PanelBrowser admin;
    private final int port;
    private final AtomicInteger customers = new AtomicInteger();
    private final List<SseReader> streams = new ArrayList<>();

    record Agent(long id, String email, String name) {
    }

    AutoAssignTeam(TestDatabase database, DropwizardAppExtension<AppConfig> app) {
        port = app.getLocalPort();
        seeds = new Seeds(database);
        String adminEmail = TestApp.randomEmail("admin");
        seeds.person(adminEmail, PASSWORD, Role.ADMIN, List.of());
        long reception = seeds.department("Recepção", "recepcao");
        phones = CustomerPhones.connect(app, seeds, reception, adminEmail, PASSWORD);
        admin = new PanelBrowser(port);
        assertThat(admin.login(adminEmail, PASSWORD).statusCode()).isEqualTo(303);
    }

    void close() {
        streams.forEach(SseReader::close);
    }

    /** Creates the department through the admin form, with automatic distribution or not. */
    long department(String name, String slug, boolean autoAssign) {
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
    Pattern listed(String department, String distribution) {
        return Pattern.compile(Pattern.quote(department + "</a>") + "(?:(?!</tr>).)*"
            + Pattern.quote("<td class=\"distribution\">" + distribution + "</td>"),
            Pattern.DOTALL);
    }

    void switchOn(long id, String name, String slug) {
        admin.get("/admin/departments/" + id);
        assertThat(admin.post("/admin/departments/" + id, Map.of("name", name, "slug", slug,
            "menuKeywords", "", "responseTimeoutMinutes", "15", "autoAssign", "true"))
            .statusCode()).isEqualTo(303);
    }

    Agent agent(String name, long department) {
        String email = TestApp.randomEmail("agent");
        long id = seeds.person(email, PASSWORD, Role.AGENT, List.of(department));
        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE users SET name = ? WHERE id = ?",
            name, id));
        return new Agent(id, email, name);
    }

    /** New conversations of the business number land in this department. */
    void routeTo(long department) {
        seeds.jdbi().useHandle(handle -> handle.execute(
            "UPDATE wa_numbers SET default_department_id = ?", department));
    }

    InboxPanel panel(Agent agent) {
        return InboxPanel.signIn(port, agent.email(), PASSWORD);
    }

    /** Opens the agent's event stream (online) and waits until supervisors see them so. */
    SseReader online(Agent agent) throws Exception {
        String token = BearerApi.login(port, agent.email(), PASSWORD).token();
        SseReader stream = new SseReader("http://localhost:" + port
            + "/api/v1/events", token, null);
        streams.add(stream);
        assertThat(stream.status()).isEqualTo(200);
        awaitPresence(agent, "Online");
        return stream;
    }

    void away(Agent agent) {
        PanelBrowser panel = new PanelBrowser(port);
        panel.login(agent.email(), PASSWORD);
        panel.get("/");
        HttpResponse<String> away = panel.post("/presence/away", Map.of("away", "true"));
        assertThat(away.statusCode()).isEqualTo(204);
        awaitPresence(agent, "Ausente");
    }

    /** The agent picks a state in the top bar's status picker. */
    void choose(Agent agent, String state, String shown) {
        PanelBrowser panel = new PanelBrowser(port);
        panel.login(agent.email(), PASSWORD);
        panel.get("/");
        HttpResponse<String> chosen = panel.post("/presence/status", Map.of("state", state));
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(chosen.body()).contains("<option value=\"" + state + "\" selected>");
        awaitPresence(agent, shown);
    }

    void awaitPresence(Agent agent, String state) {
        Pattern row = Pattern.compile(Pattern.quote(agent.name())
            + "</a></td><td>[^<]*</td><td><span class=\"presence [^\"]*\">" + state + "<");
        Seeds.await(agent.name() + " " + state, Duration.ofSeconds(10),
            () -> row.matcher(admin.get("/supervision/board").body()).find());
    }

    /** A new customer writes; returns their conversation once recorded. */
    String write() {
        String customer = "55219" + String.format("%08d", 10_000_000
            + customers.incrementAndGet());
        phones.write(customer, "Cliente " + customer, "Oi, quero comprar");
        return phones.conversationOf(customer);
    }

    String assignee(String conversation) {
        return seeds.jdbi().withHandle(handle -> handle.createQuery("SELECT u.name FROM "
                + "conversations c JOIN users u ON u.id = c.assignee_id WHERE c.public_id = :id")
            .bind("id", conversation).mapTo(String.class).findOne().orElse(null));
    }

    long holding(Agent agent) {
        return seeds.count("conversations", "open_flag = 1 AND assignee_id = " + agent.id());
    }
}
