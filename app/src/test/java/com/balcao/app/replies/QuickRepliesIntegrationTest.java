package com.balcao.app.replies;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.ApiClient;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class QuickRepliesIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static String admin;
    static String salesAgent;
    static long sales;
    static long finance;

    @BeforeAll
    static void seed() {
        Seeds seeds = new Seeds(DB);
        sales = seeds.department("Comercial", "comercial");
        finance = seeds.department("Financeiro", "financeiro");
        admin = TestApp.randomEmail("admin");
        salesAgent = TestApp.randomEmail("sales");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        seeds.person(salesAgent, PASSWORD, Role.AGENT, List.of(sales));
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    private static HttpResponse<String> create(PanelBrowser browser, String shortcut,
                                               String body, String department) {
        browser.get("/admin/quick-replies/new");
        return browser.post("/admin/quick-replies",
            Map.of("shortcut", shortcut, "body", body, "departmentId", department));
    }

    @Test
    void agentsFindOnlyRepliesOfTheirDepartmentsOrForEveryone() {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        assertThat(create(browser, "/Horario", "Abrimos às 9h, {primeiro_nome}.", "")
            .statusCode()).isEqualTo(303);
        create(browser, "horario-vendas", "Vendas até 18h.", Long.toString(sales));
        create(browser, "horario-boleto", "Boletos até 16h.", Long.toString(finance));
        assertThat(browser.get("/admin/quick-replies").body()).contains("/horario")
            .contains("Resposta rápida salva.").contains("Todos os departamentos");

        ApiClient api = new ApiClient(APP.getLocalPort());
        ApiClient.Reply found = api.get("/api/v1/quick-replies?prefix=/hor",
            api.login(salesAgent, PASSWORD));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("items").findValuesAsText("shortcut"))
            .containsExactly("horario", "horario-vendas");
    }

    @Test
    void invalidOrDuplicateShortcutsAreRefused() {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        create(browser, "pix", "Nossa chave PIX é…", "");

        HttpResponse<String> duplicate = create(browser, "PIX", "outra", "");
        HttpResponse<String> invalid = create(browser, "com espaço", "", "999999");

        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("Já existe uma resposta com este atalho.");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Atalho inválido").contains("Informe o texto")
            .contains("Departamento desconhecido.");
    }

    @Test
    void agentsCannotManageQuickReplies() {
        PanelBrowser agent = new PanelBrowser(APP.getLocalPort());
        agent.login(salesAgent, PASSWORD);

        assertThat(agent.get("/admin/quick-replies").statusCode()).isEqualTo(403);
    }
}
