package com.balcao.app.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contacts page as an agent of Comercial uses it: 59 contacts, four of them named for when
 * they last talked to the business (2, 20 and 60 days ago, never) and 55 from long ago, so the
 * list has two pages. Contacts are seeded straight into the database, each test only reads
 * them except the edit, which works on its own contact.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContactsPageIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static final Pattern ROW_NAME = Pattern.compile(
        "<tr class=\"contact-row\">\\s*<td><a href=\"/contacts/([^\"]+)\">([^<]*)</a>");
    static final String XSS = "<img src=x onerror=alert(1)>";
    static Seeds seeds;
    static long sales;
    static long finance;
    static long number;
    static String agent;
    static String recent;
    static String financeConversation;
    static String salesConversation;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        sales = seeds.department("Comercial", "comercial");
        finance = seeds.department("Financeiro", "financeiro");
        number = seeds.whatsAppNumber(WhatsAppFixtures.PHONE_NUMBER_ID,
            WhatsAppFixtures.DISPLAY_NUMBER, sales, null);
        agent = TestApp.randomEmail("agent");
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(sales));
        long vip = seeds.jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO labels "
                + "(name, color, created_at, updated_at) VALUES ('VIP', '#ff0000', "
                + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        recent = contact("Ana Recente", "5511911110001");
        salesConversation = conversation(recent, sales, 2);
        financeConversation = conversation(recent, finance, 3);
        seeds.jdbi().useHandle(handle -> handle.execute("INSERT INTO conversation_labels "
            + "SELECT id, ?, UTC_TIMESTAMP(6) FROM conversations WHERE public_id = ?",
            vip, salesConversation));
        conversation(contact("Bruno Mensal", "5511911110002"), sales, 20);
        conversation(contact("Carla Antiga", "5511911110003"), sales, 60);
        contact("Davi Nunca", "5511911110004");
        for (int i = 10; i < 65; i++) {
            conversation(contact("Lote " + i, "55219222200" + i), sales, 200 + i);
        }
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    void theListShowsFiftyContactsByLatestConversationAndThePagerTheRest() {
        PanelBrowser browser = signedIn();

        HttpResponse<String> first = browser.get("/contacts");
        HttpResponse<String> second = browser.get("/contacts?page=2");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(names(first.body())).hasSize(50)
            .startsWith("Ana Recente", "Bruno Mensal", "Carla Antiga", "Lote 10")
            .doesNotContain("Davi Nunca");
        assertThat(decoded(first)).contains("59 contato(s) · página 1 de 2")
            .contains("href=\"/contacts?page=2\"").contains("VIP")
            .contains("+55 11 91111-0001");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(names(second.body())).hasSize(9).endsWith("Lote 64", "Davi Nunca");
        assertThat(decoded(second)).contains("página 2 de 2").contains("href=\"/contacts?page=1\"")
            .doesNotContain("?page=3");
        assertThat(row(second.body(), "Davi Nunca")).contains("<td>Nunca</td>");
    }

    @Test
    void searchFindsByNameOrByPhoneWrittenAnyWayAndTakesWildcardsLiterally() {
        PanelBrowser browser = signedIn();

        assertThat(names(browser.get("/contacts?q=carla").body()))
            .containsExactly("Carla Antiga");
        assertThat(names(browser.get("/contacts?q=" + encode("+55 (11) 91111-0002")).body()))
            .containsExactly("Bruno Mensal");
        String none = browser.get("/contacts?q=%25").body();
        assertThat(names(none)).isEmpty();
        assertThat(none).contains("Nenhum contato com essa busca ou filtros")
            .contains("Limpar filtros").doesNotContain("id=\"contacts-table\"");
    }

    @Test
    void filtersByLastContactAndByLabelAndKeepThemInThePager() {
        PanelBrowser browser = signedIn();

        assertThat(names(browser.get("/contacts?last=7").body()))
            .containsExactly("Ana Recente");
        assertThat(names(browser.get("/contacts?last=30").body()))
            .containsExactly("Ana Recente", "Bruno Mensal");
        assertThat(names(browser.get("/contacts?last=90").body()))
            .containsExactly("Ana Recente", "Bruno Mensal", "Carla Antiga");
        assertThat(names(browser.get("/contacts?last=never").body()))
            .containsExactly("Davi Nunca");
        String labelled = browser.get("/contacts?label=" + vipId()).body();
        assertThat(names(labelled)).containsExactly("Ana Recente");
        assertThat(labelled).contains("<option value=\"" + vipId() + "\" selected>VIP</option>");
        assertThat(browser.get("/contacts?q=lote&last=never").body())
            .contains("Nenhum contato com essa busca");
        assertThat(decoded(browser.get("/contacts?q=lote")))
            .contains("href=\"/contacts?q=lote&amp;page=2\"");
    }

    @Test
    void unreadableFiltersAreNamedAndIgnoredNeverACrash() {
        PanelBrowser browser = signedIn();

        HttpResponse<String> bad = browser.get("/contacts?last=ontem&page=abc&label=xyz");
        HttpResponse<String> unknownLabel = browser.get("/contacts?label=999999");
        HttpResponse<String> tooLong = browser.get("/contacts?q=" + "a".repeat(101));
        HttpResponse<String> farPage = browser.get("/contacts?page=40");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Período de último contato inválido")
            .contains("Número de página inválido").contains("Etiqueta não encontrada")
            .contains("id=\"contacts-filters\"");
        assertThat(names(bad.body())).hasSize(50);
        assertThat(unknownLabel.statusCode()).isEqualTo(400);
        assertThat(names(unknownLabel.body())).hasSize(50);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("no máximo 100 caracteres");
        assertThat(farPage.statusCode()).isEqualTo(200);
        assertThat(decoded(farPage)).contains("Esta página não existe")
            .contains("href=\"/contacts?page=2\"");
    }

    @Test
    void aContactShowsTheirDetailsAndOnlyTheConversationsTheAgentMaySee() {
        PanelBrowser browser = signedIn();
        String list = browser.get("/contacts?q=ana").body();
        assertThat(list).contains("href=\"/contacts/" + recent + "\"");

        HttpResponse<String> page = browser.get("/contacts/" + recent);
        HttpResponse<String> unknown = browser.get("/contacts/nao-existe");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(decoded(page)).contains("Ana Recente").contains("+55 11 91111-0001")
            .contains("VIP").contains("href=\"/inbox?c=" + salesConversation + "\"")
            .doesNotContain(financeConversation).contains("Nova conversa");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Contato não encontrado.");
    }

    @Test
    void editedDetailsAreSavedAndAnInvalidEmailIsRefusedKeepingWhatWasTyped() {
        String contact = contact("Edite Original", "5511911110099");
        PanelBrowser browser = signedIn();
        browser.get("/contacts/" + contact);

        HttpResponse<String> refused = browser.post("/contacts/" + contact, Map.of(
            "name", "Edite Nova", "email", "edite.example.com",
            "field_key", "Pedido", "field_value", "123"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Informe um e-mail válido")
            .contains("value=\"Edite Nova\"").contains("value=\"edite.example.com\"")
            .contains("value=\"Pedido\"");
        assertThat(column(contact, "name")).isEqualTo("Edite Original");

        HttpResponse<String> saved = browser.post("/contacts/" + contact, Map.of(
            "name", " Edite Nova ", "email", "edite@example.com",
            "field_key", "Pedido", "field_value", "123"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow())
            .endsWith("/contacts/" + contact);
        String shown = browser.get("/contacts/" + contact).body();
        assertThat(shown).contains("Contato salvo.").contains("<h1 class=\"contact-panel-name\">"
            + "Edite Nova</h1>").contains("edite@example.com")
            .contains("<dt>Pedido</dt><dd>123</dd>");
        assertThat(column(contact, "name_locked")).isEqualTo("1");
    }

    @Test
    void customerControlledTextIsEscapedOnTheListAndTheContact() {
        String contact = contact(XSS, "5511911110098");
        PanelBrowser browser = signedIn();

        String list = decoded(browser.get("/contacts?q=onerror"));
        String page = decoded(browser.get("/contacts/" + contact));

        for (String body : List.of(list, page)) {
            assertThat(body).doesNotContain(XSS).contains("&lt;img src=x onerror=alert(1)&gt;");
        }
    }

    @Test
    void everyPersonFindsContactsInTheTopNavigation() {
        assertThat(signedIn().get("/inbox").body())
            .contains("<a href=\"/contacts\" >Contatos</a>");
    }

    private static PanelBrowser signedIn() {
        return PanelBrowser.signedIn(APP.getLocalPort(), agent, PASSWORD);
    }

    /** A contact as WhatsApp would have created it; returns its public id. */
    static String contact(String name, String waId) {
        String publicId = ("ct" + waId + "xxxxxxxxxxxxxxxxxxxxxx").substring(0, 22);
        seeds.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO contacts (public_id, "
                + "wa_id, name, phone, created_at, updated_at) VALUES (:pid, :wa, :name, :wa, "
                + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
            .bind("pid", publicId).bind("wa", waId).bind("name", name).execute());
        return publicId;
    }

    /** A resolved conversation of the contact, last active {@code daysAgo}. */
    static String conversation(String contact, long department, int daysAgo) {
        String publicId = ("cv" + contact.substring(2, 15) + "d" + department + "a" + daysAgo
            + "xxxxxxxxxxxxxxxx").substring(0, 22);
        seeds.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO conversations "
                + "(public_id, contact_id, wa_number_id, department_id, owner, open_flag, "
                + "last_message_at, created_at, updated_at, closed_at) SELECT :pid, id, "
                + ":number, :department, 'CLOSED', NULL, "
                + "UTC_TIMESTAMP(6) - INTERVAL :days DAY, UTC_TIMESTAMP(6) - INTERVAL :days DAY, "
                + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM contacts WHERE public_id = :contact")
            .bind("pid", publicId).bind("contact", contact).bind("number", number)
            .bind("department", department).bind("days", daysAgo).execute());
        return publicId;
    }

    private static long vipId() {
        return seeds.jdbi().withHandle(handle -> handle.createQuery(
            "SELECT id FROM labels WHERE name = 'VIP'").mapTo(Long.class).one());
    }

    private static String column(String contact, String column) {
        return seeds.jdbi().withHandle(handle -> handle.createQuery("SELECT " + column
                + " FROM contacts WHERE public_id = :pid").bind("pid", contact)
            .mapTo(String.class).one());
    }

    /** The names in the list's rows, top to bottom. */
    private static List<String> names(String body) {
        List<String> names = new ArrayList<>();
        Matcher matcher = ROW_NAME.matcher(body);
        while (matcher.find()) {
            names.add(matcher.group(2));
        }
        return names;
    }

    private static String row(String body, String name) {
        int at = body.indexOf(">" + name + "</a>");
        assertThat(at).as("row of " + name).isPositive();
        return body.substring(at, body.indexOf("</tr>", at));
    }

    /** The body with Mustache's escaped "=" read back, as a browser reads links. */
    private static String decoded(HttpResponse<String> response) {
        return response.body().replace("&#61;", "=");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
