package com.balcao.app.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.auth.Role;
import com.balcao.app.config.AppConfig;
import com.balcao.app.support.PanelBrowser;
import com.balcao.app.support.Seeds;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class StaffAdminIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static final String HOSTILE = "<img src=x onerror=alert(1)>\"><script>x</script>{{t}}";
    static String adminEmail;
    static long adminId;
    static long salesId;

    @BeforeAll
    static void seedAdmin() {
        Seeds seeds = new Seeds(DB);
        salesId = seeds.department("Comercial", "comercial");
        adminEmail = TestApp.randomEmail("admin");
        adminId = seeds.person(adminEmail, PASSWORD, Role.ADMIN, List.of());
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    private PanelBrowser admin() {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(adminEmail, PASSWORD);
        return browser;
    }

    private static Map<String, String> person(String name, String email, String role,
                                              String password) {
        return Map.of("name", name, "email", email, "role", role, "maxConcurrent", "4",
            "departmentIds", Long.toString(salesId), "password", password);
    }

    @Test
    void adminCreatesAnAgentWithAGeneratedPasswordThatMustBeChanged() {
        PanelBrowser admin = admin();
        admin.get("/admin/users/new");
        String email = TestApp.randomEmail("nova");
        HttpResponse<String> created = admin.post("/admin/users",
            person("Nova Atendente", email, "AGENT", ""));

        assertThat(created.statusCode()).isEqualTo(200);
        Matcher secret = Pattern.compile("id=\"secret\">([^<]+)<").matcher(created.body());
        assertThat(secret.find()).isTrue();
        assertThat(admin.get("/admin/users").body()).contains(email).contains("Comercial");

        PanelBrowser agent = new PanelBrowser(APP.getLocalPort());
        HttpResponse<String> login = agent.login(email, secret.group(1));
        assertThat(login.headers().firstValue("Location").orElseThrow())
            .endsWith("/login/password");
        agent.get("/login/password");
        assertThat(agent.post("/login/password", Map.of("password", "minha-senha-1",
            "confirmation", "minha-senha-1")).statusCode()).isEqualTo(303);
        assertThat(agent.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void invalidFormIsShownAgainWithReasonsAndNothingSaved() {
        PanelBrowser admin = admin();
        admin.get("/admin/users/new");
        HttpResponse<String> response = admin.post("/admin/users",
            person("", "sem-arroba", "CHEFE", "123"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Informe um nome").contains("e-mail válido")
            .contains("Escolha um perfil").contains("pelo menos 8 caracteres");
        assertThat(admin.get("/admin/users").body()).doesNotContain("sem-arroba");
    }

    @Test
    void duplicateEmailIsRefused() {
        PanelBrowser admin = admin();
        admin.get("/admin/users/new");
        HttpResponse<String> response = admin.post("/admin/users",
            person("Outra", adminEmail.toUpperCase(), "AGENT", PASSWORD));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Já existe uma conta com este e-mail.");
    }

    @Test
    void deactivatingSomeoneEndsTheirSessionAtOnce() {
        String email = TestApp.randomEmail("sai");
        long id = new Seeds(DB).person(email, PASSWORD, Role.AGENT, List.of());
        PanelBrowser agent = new PanelBrowser(APP.getLocalPort());
        agent.login(email, PASSWORD);
        assertThat(agent.get("/").statusCode()).isEqualTo(200);

        PanelBrowser admin = admin();
        admin.get("/admin/users/" + id);
        assertThat(admin.post("/admin/users/" + id + "/active", Map.of("active", "false"))
            .statusCode()).isEqualTo(303);

        assertThat(agent.get("/").statusCode()).isEqualTo(303);
        assertThat(new PanelBrowser(APP.getLocalPort()).login(email, PASSWORD).statusCode())
            .isEqualTo(401);
    }

    @Test
    void theLastAdminCannotBeDemotedOrSwitchedOff() {
        PanelBrowser admin = admin();
        admin.get("/admin/users/" + adminId);
        HttpResponse<String> self = admin.post("/admin/users/" + adminId + "/active",
            Map.of("active", "false"));

        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(self.body()).contains("não pode desativar a própria conta");
    }

    @Test
    void hostileNamesAreShownAsInertText() {
        PanelBrowser admin = admin();
        admin.get("/admin/departments/new");
        admin.post("/admin/departments", Map.of("name", HOSTILE, "slug", "hostil",
            "menuKeywords", HOSTILE, "responseTimeoutMinutes", "10"));
        admin.get("/admin/users/new");
        admin.post("/admin/users", person(HOSTILE, TestApp.randomEmail("x"), "AGENT", PASSWORD));

        for (String page : List.of("/admin/departments", "/admin/users")) {
            String body = admin.get(page).body();
            assertThat(body).as(page).doesNotContain("<img src=x").doesNotContain("<script>x")
                .contains("&lt;img src").contains("&lt;script&gt;x");
        }
    }

    @Test
    void departmentsAreCreatedWithDerivedSlugAndValidated() {
        PanelBrowser admin = admin();
        admin.get("/admin/departments/new");
        assertThat(admin.post("/admin/departments", Map.of("name", "Pós-venda Técnica",
            "slug", "", "menuKeywords", "Garantia, CONSERTO, garantia",
            "responseTimeoutMinutes", "30")).statusCode()).isEqualTo(303);
        String list = admin.get("/admin/departments").body();
        assertThat(list).contains("pos-venda-tecnica").contains("garantia, conserto");

        admin.get("/admin/departments/new");
        HttpResponse<String> duplicate = admin.post("/admin/departments", Map.of(
            "name", "Outro", "slug", "pos-venda-tecnica", "menuKeywords", "",
            "responseTimeoutMinutes", "0"));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("Já existe um departamento")
            .contains("entre 1 e 10080");
    }

    @Test
    void profileChangesNameLanguageAndPassword() {
        String email = TestApp.randomEmail("perfil");
        new Seeds(DB).person(email, PASSWORD, Role.AGENT, List.of());
        PanelBrowser me = new PanelBrowser(APP.getLocalPort());
        me.login(email, PASSWORD);
        me.get("/profile");

        assertThat(me.post("/profile", Map.of("name", "Joana", "locale", "en")).statusCode())
            .isEqualTo(303);
        HttpResponse<String> english = me.get("/profile");
        assertThat(english.body()).contains("Profile saved.").contains("My profile")
            .contains("Joana");

        HttpResponse<String> wrong = me.post("/profile/password", Map.of("current", "errada",
            "password", "nova-senha-456", "confirmation", "nova-senha-456"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(me.post("/profile/password", Map.of("current", PASSWORD,
            "password", "nova-senha-456", "confirmation", "nova-senha-456")).statusCode())
            .isEqualTo(303);
        assertThat(me.get("/profile").statusCode()).as("this browser stays signed in")
            .isEqualTo(200);
        assertThat(new PanelBrowser(APP.getLocalPort()).login(email, "nova-senha-456")
            .statusCode()).isEqualTo(303);
    }
}
