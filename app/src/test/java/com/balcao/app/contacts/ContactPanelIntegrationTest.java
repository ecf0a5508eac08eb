package com.balcao.app.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.SseReader;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The inbox's contact panel as an agent uses it: conversations arrive through the signed
 * webhook into Comercial; each test works on its own customer. The finance agent stands for
 * anyone outside the conversation's department.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContactPanelIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String SCRIPT = "\"><script>alert(1)</script>";
    static final String TEMPLATE = "{{7*7}}";
    static final Pattern CHIP = Pattern.compile(
        "<li class=\"contact-panel-chip\">.*?</svg>(.*?)</li>");
    static final AtomicInteger WAMIDS = new AtomicInteger();
    static Seeds seeds;
    static long sales;
    static long finance;
    static long number;
    static String salesAgent;
    static String salesColleague;
    static String financeAgent;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        sales = seeds.department("Comercial", "comercial");
        finance = seeds.department("Financeiro", "financeiro");
        number = seeds.whatsAppNumber(WhatsAppFixtures.PHONE_NUMBER_ID,
            WhatsAppFixtures.DISPLAY_NUMBER, sales, null);
        salesAgent = TestApp.randomEmail("sales");
        salesColleague = TestApp.randomEmail("colleague");
        financeAgent = TestApp.randomEmail("finance");
        seeds.person(salesAgent, PASSWORD, Role.AGENT, List.of(sales));
        seeds.person(salesColleague, PASSWORD, Role.AGENT, List.of(sales));
        seeds.person(financeAgent, PASSWORD, Role.AGENT, List.of(finance));
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    void thePanelShowsTheContactAndOnlyThePastConversationsTheAgentMaySee() {
        String waId = "5511900000001";
        String current = customerWrites(waId);
        long contact = contactId(waId);
        String olderSales = pastConversation(contact, sales, 30);
        String newerSales = pastConversation(contact, sales, 2);
        String otherDepartment = pastConversation(contact, finance, 10);
        label("VIP", "#ff0000");

        String panel = signedIn(salesAgent).get("/contacts/panel/" + current).body();

        assertThat(panel).contains("Cliente " + waId).contains(waId)
            .contains("VIP").contains("#ff0000")
            .contains("Resolvida").contains("Comercial")
            .doesNotContain("<html").doesNotContain("topbar");
        assertThat(panel).contains("/inbox?c=" + newerSales, "/inbox?c=" + olderSales)
            .doesNotContain(otherDepartment).doesNotContain("/inbox?c=" + current);
        assertThat(panel.indexOf(newerSales)).isLessThan(panel.indexOf(olderSales));
    }

    @Test
    void correctedDetailsAreSavedAndWhatsAppNoLongerRenamesTheContact() {
        String waId = "5511900000002";
        String conversation = customerWrites(waId);
        PanelBrowser agent = signedIn(salesAgent);
        agent.get("/contacts/panel/" + conversation);

        HttpResponse<String> saved = agent.htmxPost("/contacts/panel/" + conversation,
            "name", "  Maria Corrigida ", "email", "maria@example.com",
            "field_key", "Zona", "field_value", "Norte",
            "field_key", "Apelido", "field_value", "Mari",
            "field_key", "", "field_value", "sem chave, descartado");

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Contato salvo.").contains("Maria Corrigida")
            .contains("maria@example.com").doesNotContain("sem chave");
        assertThat(column(waId, "custom_fields"))
            .isEqualTo("{\"Zona\":\"Norte\",\"Apelido\":\"Mari\"}");
        String shown = agent.get("/contacts/panel/" + conversation).body();
        assertThat(shown.indexOf("<dt>Zona</dt><dd>Norte</dd>"))
            .isPositive().isLessThan(shown.indexOf("<dt>Apelido</dt><dd>Mari</dd>"));

        customerWrites(waId);
        assertThat(seeds.count("messages m JOIN conversations c ON c.id = m.conversation_id",
            "c.public_id = '" + conversation + "'")).isEqualTo(2);
        assertThat(column(waId, "name")).isEqualTo("Maria Corrigida");
        assertThat(agent.get("/contacts/panel/" + conversation).body())
            .contains("Maria Corrigida").doesNotContain("Cliente " + waId);

        agent.htmxPost("/contacts/panel/" + conversation, "name", "Maria Corrigida",
            "email", "", "field_key", "", "field_value", "Norte",
            "field_key", "Apelido", "field_value", "Mari");
        assertThat(column(waId, "custom_fields")).isEqualTo("{\"Apelido\":\"Mari\"}");
        assertThat(column(waId, "email")).isNull();
    }

    @Test
    void anInvalidEmailIsRefusedWithItsMessageKeepingWhatWasTypedAndSavingNothing() {
        String waId = "5511900000003";
        String conversation = customerWrites(waId);
        PanelBrowser agent = signedIn(salesAgent);
        agent.get("/contacts/panel/" + conversation);

        HttpResponse<String> refused = agent.htmxPost("/contacts/panel/" + conversation,
            "name", "Outro Nome", "email", "maria.example.com",
            "field_key", "Pedido", "field_value", "12345");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Informe um e-mail válido")
            .contains("value=\"Outro Nome\"").contains("value=\"maria.example.com\"")
            .contains("value=\"Pedido\"").contains("value=\"12345\"")
            .doesNotContain("Contato salvo.");
        assertThat(column(waId, "name")).isEqualTo("Cliente " + waId);
        assertThat(column(waId, "email")).isNull();
        assertThat(column(waId, "custom_fields")).isNull();
        assertThat(column(waId, "name_locked")).isEqualTo("0");
    }

    @Test
    void labelsToggleOnAndOffAndOtherAgentsAreTold() throws Exception {
        String conversation = customerWrites("5511900000004");
        long garantia = label("Garantia", "#00aa00");
        PanelBrowser agent = signedIn(salesAgent);
        agent.get("/contacts/panel/" + conversation);
        String path = "/contacts/panel/" + conversation + "/labels";

        try (SseReader colleague = stream(salesColleague)) {
            HttpResponse<String> on = agent.htmxPost(path, "label_id", "" + garantia,
                "on", "true");
            assertThat(on.statusCode()).isEqualTo(200);
            assertThat(chips(on.body())).containsExactly("Garantia");
            assertThat(colleague.drain(Duration.ofSeconds(2)))
                .filteredOn(event -> "conversation.updated".equals(event.name()))
                .anySatisfy(event -> assertThat(event.data()).contains(conversation));
        }
        agent.htmxPost(path, "label_id", "" + garantia, "on", "true");
        assertThat(labelRows(conversation)).isEqualTo(1);
        assertThat(chips(agent.get("/contacts/panel/" + conversation).body()))
            .containsExactly("Garantia");

        HttpResponse<String> off = agent.htmxPost(path, "label_id", "" + garantia, "on", "false");
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(chips(off.body())).isEmpty();
        assertThat(labelRows(conversation)).isZero();

        HttpResponse<String> unknown = agent.htmxPost(path, "label_id", "999999", "on", "true");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Etiqueta não encontrada.");
        assertThat(labelRows(conversation)).isZero();
    }

    @Test
    void anAgentOfAnotherDepartmentGetsNotFoundAndChangesNothing() {
        String waId = "5511900000005";
        String conversation = customerWrites(waId);
        long vip = label("Urgente", "#0000ff");
        PanelBrowser outsider = signedIn(financeAgent);
        outsider.get("/");

        List<HttpResponse<String>> answers = List.of(
            outsider.get("/contacts/panel/" + conversation),
            outsider.htmxPost("/contacts/panel/" + conversation, "name", "Invasor"),
            outsider.htmxPost("/contacts/panel/" + conversation + "/labels",
                "label_id", "" + vip, "on", "true"),
            outsider.get("/contacts/panel/nao-existe"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("Cliente " + waId);
        });
        assertThat(column(waId, "name")).isEqualTo("Cliente " + waId);
        assertThat(labelRows(conversation)).isZero();
        assertThat(signedIn(salesAgent).get("/contacts/panel/" + conversation).statusCode())
            .isEqualTo(200);
    }

    @Test
    void customerControlledTextIsShownEscaped() {
        String waId = "5511900000006";
        String conversation = customerWrites(waId);
        String payload = IMG + SCRIPT + TEMPLATE;
        seeds.jdbi().useHandle(handle -> handle.createUpdate("UPDATE contacts SET name = :name, "
                + "custom_fields = :fields WHERE wa_id = :waId")
            .bind("name", payload).bind("waId", waId)
            .bind("fields", "{" + json(payload) + ":" + json(payload) + "}").execute());
        long label = label(IMG, "#123456");
        seeds.jdbi().useHandle(handle -> handle.execute("INSERT INTO conversation_labels "
            + "SELECT id, ?, UTC_TIMESTAMP(6) FROM conversations WHERE public_id = ?",
            label, conversation));
        PanelBrowser agent = signedIn(salesAgent);

        String shown = agent.get("/contacts/panel/" + conversation).body();
        HttpResponse<String> echoed = agent.htmxPost("/contacts/panel/" + conversation,
            "name", payload, "email", payload, "field_key", payload, "field_value", payload);

        assertThat(echoed.statusCode()).isEqualTo(422);
        assertThat(chips(shown)).singleElement().asString().startsWith("&lt;img");
        for (String body : List.of(shown, echoed.body())) {
            assertThat(body).doesNotContain(IMG).doesNotContain(SCRIPT)
                .doesNotContain("<script").contains("&lt;img").contains("&lt;script&gt;")
                .contains(TEMPLATE);
        }
    }

    /** Sends a text from {@code waId} through the signed webhook; returns its conversation. */
    private static String customerWrites(String waId) {
        byte[] body = WhatsAppFixtures.textMessages(List.<String[]>of(new String[] {
            "wamid.panel" + WAMIDS.incrementAndGet() + waId, waId, "Oi"}),
            Instant.now().getEpochSecond());
        assertThat(WhatsAppFixtures.postSigned(APP.getLocalPort(), body).statusCode())
            .isEqualTo(200);
        seeds.awaitInboxDrained(Duration.ofSeconds(20));
        return seeds.openConversationOf(waId);
    }

    /** A resolved conversation of the contact that started {@code daysAgo}. */
    private static String pastConversation(long contact, long department, int daysAgo) {
        String publicId = ("past" + department + "d" + daysAgo + "xxxxxxxxxxxxxxxxxxxxxx")
            .substring(0, 22);
        seeds.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO conversations "
                + "(public_id, contact_id, wa_number_id, department_id, owner, open_flag, "
                + "last_message_at, created_at, updated_at, closed_at) VALUES (:pid, :contact, "
                + ":number, :department, 'CLOSED', NULL, "
                + "UTC_TIMESTAMP(6) - INTERVAL :days DAY, UTC_TIMESTAMP(6) - INTERVAL :days DAY, "
                + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
            .bind("pid", publicId).bind("contact", contact).bind("number", number)
            .bind("department", department).bind("days", daysAgo).execute());
        return publicId;
    }

    private static long label(String name, String color) {
        return seeds.jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO labels (name, "
                + "color, created_at, updated_at) VALUES (:name, :color, UTC_TIMESTAMP(6), "
                + "UTC_TIMESTAMP(6))").bind("name", name).bind("color", color)
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static long contactId(String waId) {
        return Long.parseLong(seeds.column("contacts", "id", "wa_id", waId));
    }

    private static String column(String waId, String column) {
        return seeds.column("contacts", column, "wa_id", waId);
    }

    private static long labelRows(String conversation) {
        return seeds.count("conversation_labels cl JOIN conversations c "
            + "ON c.id = cl.conversation_id", "c.public_id = '" + conversation + "'");
    }

    /** The names on the chips at the top of the panel: the conversation's labels. */
    private static List<String> chips(String body) {
        return CHIP.matcher(body).results().map(match -> match.group(1)).toList();
    }

    private static PanelBrowser signedIn(String email) {
        return PanelBrowser.signedIn(APP.getLocalPort(), email, PASSWORD);
    }

    private static SseReader stream(String email) throws Exception {
        SseReader reader = SseReader.signedIn(APP.getLocalPort(), email, PASSWORD);
        Thread.sleep(200);
        return reader;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
