package com.balcao.app.labels;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class LabelsIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";
    static String admin;

    @BeforeAll
    static void seed() {
        admin = TestApp.randomEmail("admin");
        new Seeds(DB).person(admin, PASSWORD, Role.ADMIN, List.of());
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void adminAddsRenamesAndDeletesLabels() {
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(admin, PASSWORD);
        browser.get("/admin/labels");
        assertThat(browser.post("/admin/labels", Map.of("name", "  VIP  ", "color", "#FF0000"))
            .statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin/labels").body()).contains("value=\"VIP\"")
            .contains("#ff0000").contains("Etiqueta salva.");

        HttpResponse<String> duplicate = browser.post("/admin/labels",
            Map.of("name", "vip", "color", "#00ff00"));
        HttpResponse<String> badColor = browser.post("/admin/labels",
            Map.of("name", "Garantia", "color", "red\"><script>"));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("Já existe uma etiqueta com este nome.");
        assertThat(badColor.statusCode()).isEqualTo(422);
        assertThat(badColor.body()).contains("Escolha uma cor válida.").doesNotContain("<script>");

        long id = new Seeds(DB).jdbi().withHandle(handle -> handle.createQuery(
            "SELECT id FROM labels WHERE name = 'VIP'").mapTo(Long.class).one());
        browser.get("/admin/labels");
        browser.post("/admin/labels/" + id, Map.of("name", "Cliente VIP", "color", "#00aa00"));
        browser.get("/admin/labels");
        assertThat(browser.post("/admin/labels/" + id + "/delete", Map.of()).statusCode())
            .isEqualTo(303);
        assertThat(browser.get("/admin/labels").body()).doesNotContain("Cliente VIP")
            .contains("Etiqueta excluída.");
    }
}
