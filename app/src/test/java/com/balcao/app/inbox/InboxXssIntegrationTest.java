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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile text everywhere the inbox shows it: the customer's profile name and messages, a
 * quick reply filled with that name, an agent's note, answer and transfer reason, an agent's
 * own display name and a template's body. Every page and fragment shows it escaped, as text.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InboxXssIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static final String PASSWORD = "senha-forte-123";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String SCRIPT = "\"><script>alert(1)</script>";
    static final String CURLY = "{{7*7}}";
    static final String HOSTILE = IMG + " " + SCRIPT + " " + CURLY;
    static final String IMG_ESCAPED = "&lt;img src&#61;x onerror&#61;alert(1)&gt;";
    static final String SCRIPT_ESCAPED = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
    static final String HOSTILE_ESCAPED = IMG_ESCAPED + " " + SCRIPT_ESCAPED + " " + CURLY;
    static final String CUSTOMER = "5511966602001";
    static Seeds seeds;
    static InboxPanel ana;
    static InboxPanel bruno;
    static InboxPanel supervisor;
    static String conversation;

    @BeforeAll
    static void seed() throws Exception {
        seeds = new Seeds(DB);
        long sales = seeds.department("Comercial", "comercial");
        String admin = TestApp.randomEmail("admin");
        String supervisorEmail = TestApp.randomEmail("super");
        String anaEmail = TestApp.randomEmail("ana");
        String brunoEmail = TestApp.randomEmail("bruno");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        seeds.person(supervisorEmail, PASSWORD, Role.SUPERVISOR, List.of());
        seeds.person(anaEmail, PASSWORD, Role.AGENT, List.of(sales));
        long brunoId = seeds.person(brunoEmail, PASSWORD, Role.AGENT, List.of(sales));
        CustomerPhones phones = CustomerPhones.connect(APP, seeds, sales, admin, PASSWORD);
        ana = InboxPanel.signIn(APP.getLocalPort(), anaEmail, PASSWORD);
        bruno = InboxPanel.signIn(APP.getLocalPort(), brunoEmail, PASSWORD);
        supervisor = InboxPanel.signIn(APP.getLocalPort(), supervisorEmail, PASSWORD);
        InboxPanel administrator = InboxPanel.signIn(APP.getLocalPort(), admin, PASSWORD);

        assertThat(administrator.post("/admin/quick-replies", Map.of("shortcut", "ola",
            "body", "Olá {nome}, em que posso ajudar?", "departmentId", "")).statusCode())
            .isEqualTo(303);
        assertThat(bruno.post("/profile", Map.of("name", "Bruno " + HOSTILE, "locale",
            "pt-BR")).statusCode()).isEqualTo(303);
        seeds.jdbi().useHandle(handle -> handle.execute("INSERT INTO wa_templates (waba_id, "
            + "name, language, category, status, body_text, parameter_count, created_at, "
            + "updated_at) VALUES (?, 'aviso', 'pt_BR', 'UTILITY', 'APPROVED', ?, 1, "
            + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", WhatsAppFixtures.WABA_ID,
            "Olá {{1}}, " + HOSTILE));
        assertThat(WhatsAppFixtures.postSigned(APP.getLocalPort(), webhook("Zé " + HOSTILE,
            "Oi " + HOSTILE)).statusCode()).isEqualTo(200);
        seeds.awaitInboxDrained(Duration.ofSeconds(15));
        conversation = phones.conversationOf(CUSTOMER);

        assertThat(ana.act(conversation, "take").statusCode()).isEqualTo(200);
        assertThat(ana.send(conversation, Map.of("text", "Resposta " + HOSTILE, "sign", "1",
            "key", "a1", "as", "message")).statusCode()).isEqualTo(200);
        assertThat(ana.send(conversation, Map.of("text", "Nota " + HOSTILE, "key", "n1",
            "as", "note")).statusCode()).isEqualTo(200);
        assertThat(ana.act(conversation, "transfer", Map.of("department", "", "person",
            Long.toString(brunoId), "reason", "Motivo " + HOSTILE)).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    /** A text message from the customer, shaped like Meta's webhook. */
    private static byte[] webhook(String name, String text) throws Exception {
        ObjectNode value = JSON.createObjectNode().put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", WhatsAppFixtures.DISPLAY_NUMBER)
            .put("phone_number_id", WhatsAppFixtures.PHONE_NUMBER_ID);
        ObjectNode contact = value.putArray("contacts").addObject().put("wa_id", CUSTOMER);
        contact.putObject("profile").put("name", name);
        ObjectNode message = value.putArray("messages").addObject().put("from", CUSTOMER)
            .put("id", "wamid.xss" + System.nanoTime())
            .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("type", "text");
        message.putObject("text").put("body", text);
        ObjectNode root = JSON.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode change = root.putArray("entry").addObject().put("id", WhatsAppFixtures.WABA_ID)
            .putArray("changes").addObject().put("field", "messages");
        change.set("value", value);
        return JSON.writeValueAsBytes(root);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void assertEscaped(String what, HttpResponse<String> response, int status,
                                      String... shown) {
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.body()).as(what).doesNotContain("<img src=x")
            .doesNotContain("<script>").doesNotContain("\"><script")
            .doesNotContain("alert(1)>").contains(shown);
    }

    @Test
    void theInboxShowsHostileTextOnlyEscaped() {
        String base = "/inbox/c/" + conversation + "/";
        String name = "Zé " + HOSTILE_ESCAPED;
        String brunoName = "Bruno " + HOSTILE_ESCAPED;
        Map<String, HttpResponse<String>> asAna = new LinkedHashMap<>();
        asAna.put("page", ana.get("/inbox?tab=all"));
        asAna.put("page with chat", ana.get("/inbox?tab=all&c=" + conversation));
        asAna.put("list", ana.get("/inbox/list?tab=all"));
        asAna.put("pane", ana.get(base + "pane?tab=all"));
        asAna.put("state", ana.get(base + "state"));
        asAna.put("timeline", ana.get(base + "timeline"));
        asAna.put("composer", ana.get(base + "composer"));

        assertEscaped("page", asAna.get("page"), 200, name, brunoName);
        assertEscaped("page with chat", asAna.get("page with chat"), 200, name,
            "Oi " + HOSTILE_ESCAPED, "Nota " + HOSTILE_ESCAPED, "Motivo " + HOSTILE_ESCAPED);
        assertEscaped("list", asAna.get("list"), 200, name, brunoName);
        assertEscaped("pane", asAna.get("pane"), 200, name, "Oi " + HOSTILE_ESCAPED,
            "Resposta " + HOSTILE_ESCAPED, "Nota " + HOSTILE_ESCAPED,
            "transferiu a conversa para " + brunoName + " (Comercial). Motivo: Motivo "
                + HOSTILE_ESCAPED);
        assertEscaped("state", asAna.get("state"), 200, name, "Com " + brunoName);
        assertEscaped("timeline", asAna.get("timeline"), 200, "Oi " + HOSTILE_ESCAPED,
            "Nota " + HOSTILE_ESCAPED, "Motivo " + HOSTILE_ESCAPED);
        assertEscaped("composer", asAna.get("composer"), 200, "Com " + brunoName + ".");
        assertEscaped("refused send", ana.send(conversation, Map.of("text", "Rascunho "
            + HOSTILE, "key", "a2", "as", "message")), 409, "Rascunho " + HOSTILE_ESCAPED,
            "Esta conversa já está com " + brunoName + ".");
    }

    @Test
    void searchesSuggestionsAndTemplatesShowHostileTextOnlyEscaped() {
        String base = "/inbox/c/" + conversation + "/";
        String name = "Zé " + HOSTILE_ESCAPED;

        assertEscaped("search page", bruno.get("/inbox?tab=all&q=" + encoded(SCRIPT)), 200,
            "value=\"" + SCRIPT_ESCAPED + "\"", name);
        assertEscaped("search list", bruno.get("/inbox/list?tab=all&q=" + encoded(IMG)), 200,
            name);
        assertEscaped("search by message", bruno.get("/inbox/list?tab=mine&q=" + encoded(CURLY)),
            200, name);
        assertEscaped("message found by a search", bruno.get("/inbox/list?tab=all&q=onerror"),
            200, "&lt;img src&#61;x <mark>onerror</mark>&#61;alert(1)&gt; " + SCRIPT_ESCAPED);
        assertEscaped("quick replies", bruno.get(base + "quick-replies?text=/ola"), 200,
            "data-body=\"Olá " + name + ", em que posso ajudar?\"");
        assertEscaped("template fields", bruno.get(base + "template-fields?template="
            + encoded("aviso|pt_BR")), 200, "Olá {{1}}, " + HOSTILE_ESCAPED);
        assertEscaped("holder's composer", bruno.get(base + "composer"), 200, "id=\"composer\"");
        assertEscaped("holder's pane", bruno.get(base + "pane"), 200, name, "Com você");
    }

    @Test
    void theSupervisionBoardShowsAnAgentsHostileNameEscaped() {
        String brunoName = "Bruno " + HOSTILE_ESCAPED;

        assertEscaped("supervision", supervisor.get("/supervision"), 200, brunoName);
        assertEscaped("board", supervisor.get("/supervision/board"), 200, brunoName);
        assertEscaped("supervisor's inbox", supervisor.get("/inbox?tab=all&c=" + conversation),
            200, "Zé " + HOSTILE_ESCAPED, brunoName);
    }
}
