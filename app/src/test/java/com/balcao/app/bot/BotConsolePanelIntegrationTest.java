package com.balcao.app.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The test console plays a flow against typed messages and says what matched and why. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BotConsolePanelIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("tenant.name", "Clínica Demo"));
    static final String PASSWORD = "senha-forte-123";
    static Seeds seeds;
    static String admin;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        seeds.department("Laboratório", "laboratorio");
        seeds.department("Comercial", "comercial");
        admin = TestApp.randomEmail("admin");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        new FlowStore(seeds.jdbi(), Clock.systemUTC()).install("department_menu", true);
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    @Test
    void typedMessagesGetTheBotsRepliesAndWhy() {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        String empty = browser.get("/admin/bot/console").body();
        assertThat(empty).contains("<option value=\"department_menu\" selected>");

        HttpResponse<String> first = EditorForm.of(empty, "console-form").set("message", "oi")
            .post(browser, "/admin/bot/console", "");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Olá, Cliente! 👋 Bem-vindo(a) à Clínica Demo.",
            "1 - Laboratório", "entra na etapa “menu”", "Aguarda resposta na etapa");

        String second = EditorForm.of(first.body(), "console-form").set("message", "lab")
            .post(browser, "/admin/bot/console", "").body();
        assertThat(second).contains("name=\"typed\" value=\"oi\"", "name=\"typed\" value=\"lab\"")
            .contains("opção 1 “Laboratório” reconhecida por abreviação do título")
            .contains("encaminhar para Laboratório")
            .contains("Sua conversa foi encaminhada para o Laboratório")
            .contains("O robô saiu da conversa");
    }

    @Test
    void aShippedModelCanBeTriedBeforeInstallingAndCustomerTextIsEscaped() {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        String page = browser.get("/admin/bot/console?flow=mechanic").body();
        assertThat(page).contains("<option value=\"mechanic\" selected>");
        String played = EditorForm.of(page, "console-form")
            .set("message", "<b>oi</b><script>x()</script>")
            .post(browser, "/admin/bot/console", "").body();
        assertThat(played).contains("Aqui é a Clínica Demo", "Meu carro está com problema")
            .contains("&lt;b&gt;oi&lt;/b&gt;&lt;script&gt;x()&lt;/script&gt;")
            .doesNotContain("<script>x()");
        assertThat(seeds.count("bot_flows", "flow_key = 'mechanic'")).isZero();
    }
}
