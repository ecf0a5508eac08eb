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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admins edit the bot's flows on a form: each save publishes a version; bad ones are refused. */
@ExtendWith(DropwizardExtensionsSupport.class)
class FlowEditorIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB,
        ConfigOverride.config("tenant.name", "Clínica Demo"));
    static final String PASSWORD = "senha-forte-123";
    static final String EDITOR = "/admin/bot/flows/department_menu";
    static Seeds seeds;
    static FlowStore flows;
    static String admin;
    static String agent;

    @BeforeAll
    static void seed() {
        seeds = new Seeds(DB);
        long lab = seeds.department("Laboratório", "laboratorio");
        seeds.department("Comercial", "comercial");
        admin = TestApp.randomEmail("admin");
        agent = TestApp.randomEmail("agent");
        seeds.person(admin, PASSWORD, Role.ADMIN, List.of());
        seeds.person(agent, PASSWORD, Role.AGENT, List.of(lab));
        flows = new FlowStore(seeds.jdbi(), Clock.systemUTC());
        flows.install("department_menu", true);
    }

    @AfterAll
    static void dropDatabase() {
        APP.after();
        DB.close();
    }

    private static PanelBrowser signedIn(String email) {
        return PanelBrowser.signedIn(APP.getLocalPort(), email, PASSWORD);
    }

    private static int published() {
        return flows.published("department_menu").orElseThrow().number();
    }

    @Test
    void theListShowsTheActiveFlowItsVersionAndTheModels() {
        String page = signedIn(admin).get("/admin/bot").body();
        assertThat(page).contains("Menu de departamentos", "Ativo", "Oficina mecânica",
            "Modelo (ainda não publicado)", "href=\"/admin/bot/flows/department_menu\"");
    }

    @Test
    void savingTheFormPublishesANewVersionThatKeepsWhatItDoesNotShow() {
        PanelBrowser browser = signedIn(admin);
        String page = browser.get(EDITOR).body();
        assertThat(page).contains("Olá, {primeiro_nome}! 👋 Bem-vindo(a) à {empresa}.")
            .as("the preview fills the sample values")
            .contains("Olá, Maria! 👋 Bem-vindo(a) à Clínica Demo.");
        int before = published();
        String menuPreview = EditorForm.of(page, "flow-form").set("s0.style", "BUTTONS")
            .post(browser, EDITOR + "/preview/0", "").body();
        assertThat(menuPreview).as("two departments fit in reply buttons")
            .contains("<span class=\"wa-button\">Laboratório</span>")
            .doesNotContain("<html");

        HttpResponse<String> saved = EditorForm.of(page, "flow-form")
            .set("text.greeting", "Oi, *{primeiro_nome}*! Aqui é a {empresa}.")
            .post(browser, EDITOR, "save");

        assertThat(saved.statusCode()).isEqualTo(303);
        Flow flow = flows.published("department_menu").orElseThrow().flow();
        assertThat(published()).isEqualTo(before + 1);
        assertThat(flow.text("greeting")).isEqualTo("Oi, *{primeiro_nome}*! Aqui é a {empresa}.");
        assertThat(flow.triggers()).as("the flow's triggers are kept")
            .isEqualTo(FlowJson.shipped("department_menu").triggers());
        assertThat(flow.state("menu").orElseThrow().menu().source())
            .isEqualTo(FlowState.Source.DEPARTMENTS);
        String after = browser.get(EDITOR).body();
        assertThat(after).contains("Nova versão publicada.", "Versão " + (before + 1))
            .contains("<span class=\"wa-b\">Maria</span><span class=\"\">! Aqui é a Clínica "
                + "Demo.</span>");
    }

    @Test
    void anInvalidFlowIsRefusedWithTheReasonNextToTheFieldAndNothingPublished() {
        PanelBrowser browser = signedIn(admin);
        EditorForm form = EditorForm.of(browser.get(EDITOR).body(), "flow-form");
        int before = published();

        HttpResponse<String> refused = form.set("text.menu", "Escolha, {apelido}:")
            .set("maxMisses", "0").post(browser, EDITOR, "save");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nada foi publicado",
            "Variável desconhecida: {apelido}. Use uma das variáveis listadas.",
            "Informe um número inteiro de 1 a 10.")
            .as("the form stays as typed").contains(">Escolha, {apelido}:</textarea>");
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void aNewStateNothingLeadsToIsRefused() {
        PanelBrowser browser = signedIn(admin);
        EditorForm form = EditorForm.of(browser.get(EDITOR).body(), "flow-form");
        HttpResponse<String> added = form.post(browser, EDITOR, "addState");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("value=\"etapa_2\"");
        int before = published();

        HttpResponse<String> refused = EditorForm.of(added.body(), "flow-form")
            .set("s1.o0.title", "Horários").set("s1.o0.leads", "handover")
            .post(browser, EDITOR, "save");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nenhuma opção leva a esta etapa")
            .contains("value=\"Horários\"");
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void textsAndPreviewsAreEscaped() {
        PanelBrowser browser = signedIn(admin);
        String hostile = "<script>alert(1)</script> *<img src=x onerror=alert(2)>*";
        HttpResponse<String> saved = EditorForm.of(browser.get(EDITOR).body(), "flow-form")
            .set("text.greeting", hostile).post(browser, EDITOR, "save");
        assertThat(saved.statusCode()).isEqualTo(303);

        String page = browser.get(EDITOR).body();
        assertThat(page).doesNotContain("<script>alert(1)", "<img src=x")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        String preview = browser.post(EDITOR + "/preview", Map.of("text.greeting", hostile))
            .body();
        assertThat(preview).contains("&lt;script&gt;alert(1)&lt;/script&gt;",
            "<span class=\"wa-b\">&lt;img src&#61;x onerror&#61;alert(2)&gt;</span>")
            .doesNotContain("<script>", "<img");
    }

    @Test
    void theJsonCanBeDownloadedAndUploaded() {
        PanelBrowser browser = signedIn(admin);
        browser.get(EDITOR);
        HttpResponse<String> export = browser.get(EDITOR + "/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
            .startsWith("attachment; filename=\"department_menu-v");
        Flow exported = FlowJson.read(export.body());
        int before = published();

        String edited = FlowJson.write(exported.withText("menu", "Escolha o setor:"));
        browser.get(EDITOR);
        HttpResponse<String> imported = browser.upload(EDITOR + "/import", "file",
            "department_menu.json", edited.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).isEqualTo(303);
        assertThat(published()).isEqualTo(before + 1);
        assertThat(flows.published("department_menu").orElseThrow().flow().text("menu"))
            .isEqualTo("Escolha o setor:");

        browser.get(EDITOR);
        HttpResponse<String> broken = browser.upload(EDITOR + "/import", "file", "x.json",
            "{\"states\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.body()).contains("O arquivo não é um fluxo em JSON válido");
        assertThat(published()).isEqualTo(before + 1);
    }

    @Test
    void aModelIsEditedAndActivatedFromTheListThenTheDemoFlowAgain() {
        PanelBrowser browser = signedIn(admin);
        String model = browser.get("/admin/bot/flows/nail_designer").body();
        assertThat(model).contains("Modelo (ainda não publicado)");
        assertThat(EditorForm.of(model, "flow-form").set("name", "Studio da Bia")
            .post(browser, "/admin/bot/flows/nail_designer", "save").statusCode())
            .isEqualTo(303);
        assertThat(flows.published("nail_designer").orElseThrow().number()).isEqualTo(1);

        browser.get("/admin/bot");
        assertThat(browser.post("/admin/bot/flows/nail_designer/activate", Map.of())
            .statusCode()).isEqualTo(303);
        assertThat(flows.active().orElseThrow().flow().name()).isEqualTo("Studio da Bia");
        assertThat(browser.get("/admin/bot").body()).contains("Fluxo ativado")
            .containsPattern("data-flow=\"nail_designer\">(?s).*?Ativo.*?</tr>");

        browser.post("/admin/bot/flows/department_menu/activate", Map.of());
        assertThat(flows.active().orElseThrow().flow().key()).isEqualTo("department_menu");
    }

    @Test
    void agentsCannotOpenTheBotPages() {
        PanelBrowser browser = signedIn(agent);
        assertThat(browser.get("/admin/bot").statusCode()).isEqualTo(403);
        assertThat(browser.get(EDITOR).statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/bot/console").statusCode()).isEqualTo(403);
        browser.get("/");
        assertThat(browser.post(EDITOR, Map.of("name", "x")).statusCode()).isEqualTo(403);
        assertThat(browser.post("/admin/bot/flows/mechanic/activate", Map.of()).statusCode())
            .isEqualTo(403);
    }
}
