package com.balcao.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import com.balcao.app.support.WhatsAppFixtures;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the holder writes from the composer: quick replies by shortcut, templates once the
 * 24-hour window closed, pictures with a signed caption; customers write from the simulator.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InboxComposerIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("simulator.enabled", "true"));
    static InboxTeam team;

    @BeforeAll
    static void seed() {
        team = new InboxTeam(DB, APP);
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    void aBareShortcutSendsTheQuickReplyItNamesNeverTheShortcut() {
        team.seeds.jdbi().useHandle(handle -> handle.execute("INSERT INTO quick_replies (shortcut, "
            + "body, department_id, created_at, updated_at) VALUES ('horario', 'Abrimos às 9h, "
            + "{primeiro_nome}.', NULL, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))"));
        String customer = team.newCustomer();
        String conversation = team.queued(customer);
        assertThat(team.ana.act(conversation, "take").statusCode()).isEqualTo(200);

        assertThat(team.ana.send(conversation, Map.of("text", "/Horario", "key",
            "short-" + System.nanoTime(), "as", "message")).statusCode()).isEqualTo(200);
        assertThat(team.ana.send(conversation, Map.of("text", "/semresposta", "key",
            "short-" + System.nanoTime(), "as", "message")).statusCode()).isEqualTo(200);

        assertThat(team.countIn(conversation, "messages", "direction = 'outbound' AND body = "
            + "'Abrimos às 9h, Cliente.'")).isEqualTo(1);
        assertThat(team.countIn(conversation, "messages", "body = '/Horario'")).isZero();
        assertThat(team.countIn(conversation, "messages", "body = '/semresposta'"))
            .as("a shortcut that names nothing is sent as typed").isEqualTo(1);
    }

    @Test
    void outsideTheWindowTheComposerOffersTemplatesAndRefusesText() {
        String conversation = team.queued(team.newCustomer());
        assertThat(team.ana.act(conversation, "take").statusCode()).isEqualTo(200);
        String openState = "open-send-window-held";
        assertThat(team.ana.fragment(conversation, "composer?shown=" + openState).statusCode())
            .isEqualTo(204);
        team.seeds.jdbi().useHandle(handle -> {
            handle.execute("UPDATE conversations SET last_inbound_at = UTC_TIMESTAMP(6) - "
                + "INTERVAL 25 HOUR WHERE public_id = ?", conversation);
            handle.execute("INSERT IGNORE INTO wa_templates (waba_id, name, language, category, "
                + "status, body_text, parameter_count, created_at, updated_at) VALUES (?, "
                + "'retomar_contato', 'pt_BR', 'UTILITY', 'APPROVED', 'Olá {{1}}, podemos "
                + "continuar?', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", WhatsAppFixtures.WABA_ID);
        });

        HttpResponse<String> composer = team.ana.fragment(conversation, "composer?shown=" + openState);
        HttpResponse<String> text = team.ana.send(conversation, Map.of("text", "Oi, tudo bem?",
            "sign", "1", "key", "late-" + System.nanoTime(), "as", "message"));

        assertThat(composer.statusCode()).isEqualTo(200);
        assertThat(composer.body()).contains("id=\"template-choice\"")
            .contains("<option value=\"retomar_contato|pt_BR\">retomar_contato (pt_BR)</option>")
            .contains("o WhatsApp só permite um modelo aprovado")
            .doesNotContain("id=\"composer-text\"");
        assertThat(team.ana.fragment(conversation, "state").body())
            .contains("Janela de 24 h fechada: só modelos");
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(text.body()).contains("Fora da janela de 24 horas");
        assertThat(team.countIn(conversation, "messages", "direction = 'outbound'")).isZero();
        assertThat(team.ana.fragment(conversation, "template-fields?template=retomar_contato%7Cpt_BR")
            .body()).contains("Olá {{1}}, podemos continuar?").contains("name=\"param\"");

        HttpResponse<String> template = team.ana.act(conversation, "template", Map.of(
            "template", "retomar_contato|pt_BR", "param", "Maria",
            "key", "t-" + System.nanoTime()));

        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(team.countIn(conversation, "messages", "direction = 'outbound' AND type = "
            + "'template'")).isEqualTo(1);
    }

    @Test
    void theHolderSendsAPictureWithASignedCaptionAndUnsupportedFilesAreRefused() {
        String customer = team.newCustomer();
        team.phones.write(customer, "Cliente Foto", "Manda foto do produto?");
        String id = team.phones.conversationOf(customer);
        assertThat(team.ana.act(id, "take").statusCode()).isEqualTo(200);
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAf"
            + "FcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

        HttpResponse<String> sent = team.ana.sendFile(id, Map.of("text", "Olha essa", "sign", "1",
            "key", "foto-1", "as", "message"), "produto.png", "image/png", png);
        assertThat(sent.statusCode()).isEqualTo(200);
        String timeline = team.ana.fragment(id, "timeline").body();
        assertThat(timeline).contains("data-type=\"image\"").contains("class=\"media-image\"")
            .contains("<strong>Ana Lima - Comercial</strong>:\nOlha essa");
        Seeds.await("the picture on the customer's phone", Duration.ofSeconds(10),
            () -> team.phones.chat(customer).toString().contains("Olha essa"));

        long before = team.seeds.count("messages", "direction = 'outbound'");
        HttpResponse<String> refused = team.ana.sendFile(id, Map.of("text", "programa", "key",
            "exe-1", "as", "message"), "virus.exe", "application/x-msdownload", new byte[] {77, 90});
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("composer-error").contains(">programa</textarea>");
        assertThat(team.seeds.count("messages", "direction = 'outbound'")).isEqualTo(before);
    }
}
