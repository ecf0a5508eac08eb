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
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class AvatarIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final String PASSWORD = "senha-forte-123";

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    private PanelBrowser signedIn() {
        String email = TestApp.randomEmail("foto");
        new Seeds(DB).person(email, PASSWORD, Role.AGENT, List.of());
        PanelBrowser browser = new PanelBrowser(APP.getLocalPort());
        browser.login(email, PASSWORD);
        browser.get("/profile");
        return browser;
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void pictureIsStoredAndShownToStaff() throws Exception {
        PanelBrowser browser = signedIn();
        HttpResponse<String> uploaded = browser.upload("/profile/avatar", "avatar",
            "<b>eu</b>.png", png());

        assertThat(uploaded.statusCode()).isEqualTo(303);
        String profile = browser.get("/profile").body();
        assertThat(profile).contains("Foto atualizada.").contains("<img class=\"avatar\"");
        String src = profile.replaceAll("(?s).*<img class=\"avatar\" src=\"([^\"]+)\".*", "$1");
        HttpResponse<String> image = browser.get(src);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(new PanelBrowser(APP.getLocalPort()).get(src).statusCode())
            .as("not for strangers").isEqualTo(303);
    }

    @Test
    void aScriptNamedLikeAPictureIsRefused() {
        PanelBrowser browser = signedIn();
        HttpResponse<String> response = browser.upload("/profile/avatar", "avatar", "x.png",
            "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("Envie uma imagem PNG, JPEG, GIF ou WebP.");
    }

    @Test
    void aPictureOverTheLimitIsRefused() throws Exception {
        PanelBrowser browser = signedIn();
        byte[] big = new byte[AvatarStore.MAX_BYTES + 10];
        System.arraycopy(png(), 0, big, 0, 16);
        HttpResponse<String> response = browser.upload("/profile/avatar", "avatar", "big.png", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("1024 KB");
    }

    @Test
    void uploadWithAForgedCsrfTokenIsForbidden() throws Exception {
        PanelBrowser browser = signedIn();
        browser.forgeCsrf("forged-token-forged-token-forged-token-00");
        HttpResponse<String> forged = browser.upload("/profile/avatar", "avatar", "x.png", png());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/profile").body()).doesNotContain("<img class=\"avatar\"");
    }
}
