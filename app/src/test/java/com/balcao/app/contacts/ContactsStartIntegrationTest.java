package com.balcao.app.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.CustomerPhones;
import com.balcao.app.support.InboxPanel;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Nova conversa" from the contacts page, as Ana and Bruno of Comercial and Carla of Financeiro
 * use it. The business number sends through the simulator's fake Graph API, so a template
 * that leaves reaches the customer's simulated phone; customers also write from that phone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContactsStartIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static final String PASSWORD = "senha-forte-123";
    static final String TEMPLATE = "retomar_contato|pt_BR";
    static final AtomicInteger CUSTOMERS = new AtomicInteger();
    static Seeds seeds;
    static CustomerPhones phones;
    static long sales;
    static long finance;
    static long number;
    static long anaId;
    static long carlaId;
    static InboxPanel ana;
    static InboxPanel bruno;
    static InboxPanel carla;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        sales = seeds.department("Comercial", "comercial");
        finance = seeds.department("Financeiro", "financeiro");
        String admin = TestApp.randomEmail("admin");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        ana = agent("Ana Lima", sales);
        bruno = agent("Bruno Reis", sales);
        carla = agent("Carla Dias", finance);
        anaId = seeds.personNamed("Ana Lima");
        carlaId = seeds.personNamed("Carla Dias");
        phones = CustomerPhones.connect(APP, seeds, sales, admin, PASSWORD);
        number = seeds.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM "
                + "wa_numbers WHERE phone_number_id = :id")
            .bind("id", WhatsAppFixtures.PHONE_NUMBER_ID).mapTo(Long.class).one());
        seeds.jdbi().useHandle(handle -> handle.execute("INSERT INTO wa_templates (waba_id, "
            + "name, language, category, status, body_text, parameter_count, created_at, "
            + "updated_at) VALUES (?, 'retomar_contato', 'pt_BR', 'UTILITY', 'APPROVED', "
            + "'Olá {{1}}, sua peça chegou!', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
            WhatsAppFixtures.WABA_ID));
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    void fromTheContactsPageAnAgentStartsAConversationWithATemplateAndItReachesThePhone() {
        String customer = newCustomer();
        String contact = contact("Maria Souza", customer);
        assertThat(decoded(ana.get("/contacts?q=maria"))).contains("/contacts/" + contact);
        String page = decoded(ana.get("/contacts/" + contact));
        assertThat(page).contains("Nova conversa")
            .contains("<option value=\"" + TEMPLATE + "\">retomar_contato (pt_BR)</option>")
            .doesNotContain("id=\"start-number\"").doesNotContain("name=\"param\"");
        String form = decoded(ana.get("/contacts/" + contact + "/start?number=" + number
            + "&template=retomar_contato%7Cpt_BR"));
        assertThat(form).startsWith("<section").contains("Olá {{1}}, sua peça chegou!")
            .contains("name=\"param\"").contains("selected>retomar_contato (pt_BR)");

        HttpResponse<String> started = start(ana, contact, "Maria", "k-" + customer);

        assertThat(started.statusCode()).isEqualTo(303);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/inbox?c=");
        String conversation = location.substring(location.indexOf("c=") + 2);
        assertThat(column(conversation, "owner")).isEqualTo("AGENT");
        assertThat(column(conversation, "assignee_id")).isEqualTo("" + anaId);
        assertThat(column(conversation, "department_id")).isEqualTo("" + sales);
        assertThat(column(conversation, "last_inbound_at")).isNull();
        assertThat(phones.awaitBusinessTexts(customer, 1)).singleElement().asString()
            .contains("[retomar_contato]").contains("Maria");
        assertThat(decoded(ana.get("/inbox?c=" + conversation)))
            .contains("Ana Lima iniciou a conversa com um modelo.")
            .contains("Olá Maria, sua peça chegou!").contains("Janela de 24 h fechada");

        phones.write(customer, "Maria Souza", "Que ótimo, passo aí amanhã");
        assertThat(phones.conversationOf(customer)).isEqualTo(conversation);
        assertThat(column(conversation, "assignee_id")).isEqualTo("" + anaId);
        assertThat(column(conversation, "last_inbound_at")).isNotNull();
    }

    @Test
    void anOpenConversationHeldBySomeoneElseIsRefusedWithTheirNameAndNothingIsSent() {
        String customer = newCustomer();
        phones.write(customer, "Cliente " + customer, "Oi");
        String conversation = phones.conversationOf(customer);
        assertThat(bruno.act(conversation, "take").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = start(ana, contactOf(customer), "Maria", null);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Esta conversa já está com Bruno Reis.")
            .contains("id=\"contact-start-form\"");
        assertThat(outbound(conversation)).isZero();
        assertThat(column(conversation, "assignee_id")).isNotEqualTo("" + anaId);
    }

    @Test
    void aQueuedConversationIsTakenOverAndGetsTheTemplate() {
        String customer = newCustomer();
        phones.write(customer, "Cliente " + customer, "Oi");
        String conversation = phones.conversationOf(customer);

        HttpResponse<String> started = start(ana, contactOf(customer), "João", null);

        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(started.headers().firstValue("Location").orElseThrow())
            .endsWith("/inbox?c=" + conversation);
        assertThat(column(conversation, "assignee_id")).isEqualTo("" + anaId);
        assertThat(outbound(conversation)).isEqualTo(1);
        assertThat(phones.awaitBusinessTexts(customer, 1)).singleElement().asString().contains("João");
    }

    @Test
    void anAgentStartsOnlyInTheirOwnDepartmentsAndNeverReachesAnotherDepartmentsChat() {
        String queued = newCustomer();
        phones.write(queued, "Cliente " + queued, "Oi");
        String fresh = contact("Pedro Novo", newCustomer());

        HttpResponse<String> elsewhere = start(carla, contactOf(queued), "Pedro", null);
        HttpResponse<String> notHers = start(carla, fresh, Map.of("department", "" + sales));
        HttpResponse<String> hers = start(carla, fresh, "Pedro", null);

        assertThat(elsewhere.statusCode()).isEqualTo(409);
        assertThat(elsewhere.body()).contains("já tem uma conversa aberta neste número, "
            + "no departamento Comercial");
        assertThat(outbound(phones.conversationOf(queued))).isZero();
        assertThat(notHers.statusCode()).isEqualTo(422);
        assertThat(notHers.body()).contains("Escolha um departamento do qual você faça parte.");
        assertThat(hers.statusCode()).isEqualTo(303);
        String location = hers.headers().firstValue("Location").orElseThrow();
        String conversation = location.substring(location.indexOf("c=") + 2);
        assertThat(column(conversation, "department_id")).isEqualTo("" + finance);
        assertThat(column(conversation, "assignee_id")).isEqualTo("" + carlaId);
    }

    @Test
    void aMissingVariableOrUnknownTemplateIsRefusedAndOpensNoConversation() {
        String customer = newCustomer();
        String contact = contact("Rita Sem Variavel", customer);

        HttpResponse<String> noValue = start(ana, contact, Map.of());
        HttpResponse<String> unknown = start(ana, contact, Map.of("template", "nao_existe|pt_BR",
            "param", "x"));
        HttpResponse<String> garbage = start(ana, contact, Map.of("number", "abc"));

        assertThat(noValue.statusCode()).isEqualTo(422);
        assertThat(noValue.body()).contains("O modelo pede 1 variável(is) e foram enviadas 0.")
            .contains("id=\"contact-start-error\"");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("não existe ou não está aprovado");
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(garbage.body()).contains("Escolha um dos números de WhatsApp da lista.");
        assertThat(seeds.count("conversations c JOIN contacts ct ON ct.id = c.contact_id",
            "ct.wa_id = '" + customer + "'")).isZero();

        String queued = newCustomer();
        phones.write(queued, "Cliente " + queued, "Oi");
        HttpResponse<String> notTaken = start(ana, contactOf(queued), Map.of());
        assertThat(notTaken.statusCode()).isEqualTo(422);
        assertThat(column(phones.conversationOf(queued), "owner")).isEqualTo("QUEUE");
    }

    @Test
    void theSameFormSentTwiceSendsOnce() {
        String customer = newCustomer();
        String contact = contact("Dora Duplo", customer);

        HttpResponse<String> first = start(ana, contact, "Dora", "twice-" + customer);
        HttpResponse<String> second = start(ana, contact, "Dora", "twice-" + customer);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(second.headers().firstValue("Location"))
            .isEqualTo(first.headers().firstValue("Location"));
        assertThat(seeds.count("messages m JOIN conversations c ON c.id = m.conversation_id "
            + "JOIN contacts ct ON ct.id = c.contact_id", "ct.wa_id = '" + customer
            + "' AND m.direction = 'outbound'")).isEqualTo(1);
    }

    @Test
    void withTwoNumbersTheAgentChoosesOneAndSeesItsOwnTemplates() {
        long other = seeds.whatsAppNumber("200000000000099", "15550100099", finance, null);
        seeds.jdbi().useHandle(handle -> handle.execute("UPDATE wa_numbers SET label = 'Outra', "
            + "waba_id = '100000000000099' WHERE id = ?", other));
        String contact = contact("Nina Dois Numeros", newCustomer());
        try {
            String page = decoded(ana.get("/contacts/" + contact));
            String otherForm = decoded(ana.get("/contacts/" + contact + "/start?number="
                + other));
            HttpResponse<String> refused = start(ana, contact, Map.of("number", "" + other,
                "param", "Nina"));

            assertThat(page).contains("id=\"start-number\"")
                .contains("<option value=\"" + number + "\" selected>Loja · 15550100001</option>")
                .contains("<option value=\"" + other + "\">Outra · 15550100099</option>");
            assertThat(otherForm).contains("<option value=\"" + other + "\" selected>")
                .contains("Este número ainda não tem modelos aprovados")
                .doesNotContain(TEMPLATE);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("não existe ou não está aprovado");
        } finally {
            seeds.jdbi().useHandle(handle -> handle.execute(
                "UPDATE wa_numbers SET active = FALSE WHERE id = ?", other));
        }
    }

    private static HttpResponse<String> start(InboxPanel agent, String contact, String value,
                                              String key) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("param", value);
        if (key != null) {
            fields.put("key", key);
        }
        return start(agent, contact, fields);
    }

    /** Posts the start form as the page fills it: this number and the template by default. */
    private static HttpResponse<String> start(InboxPanel agent, String contact,
                                              Map<String, String> fields) {
        agent.get("/contacts/" + contact);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("number", "" + number);
        form.put("template", TEMPLATE);
        form.putAll(fields);
        return agent.post("/contacts/" + contact + "/start", form);
    }

    private static InboxPanel agent(String name, long department) {
        String email = TestApp.randomEmail("agent");
        seeds.namedPerson(name, email, PASSWORD, Role.AGENT, List.of(department));
        return InboxPanel.signIn(APP.getLocalPort(), email, PASSWORD);
    }

    private static String newCustomer() {
        return "55119" + (60000000 + CUSTOMERS.incrementAndGet());
    }

    /** A contact who has not written yet (e.g. registered at the counter). */
    private static String contact(String name, String waId) {
        String publicId = ("ct" + waId + "xxxxxxxxxxxxxxxxxxxxxx").substring(0, 22);
        seeds.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO contacts (public_id, "
                + "wa_id, name, phone, created_at, updated_at) VALUES (:pid, :wa, :name, :wa, "
                + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
            .bind("pid", publicId).bind("wa", waId).bind("name", name).execute());
        return publicId;
    }

    private static String contactOf(String waId) {
        return seeds.column("contacts", "public_id", "wa_id", waId);
    }

    private static String column(String conversation, String column) {
        return seeds.column("conversations", column, "public_id", conversation);
    }

    private static long outbound(String conversation) {
        return seeds.count("messages", "direction = 'outbound' AND conversation_id = "
            + "(SELECT id FROM conversations WHERE public_id = '" + conversation + "')");
    }

    private static String decoded(HttpResponse<String> response) {
        return response.body().replace("&#61;", "=");
    }
}
