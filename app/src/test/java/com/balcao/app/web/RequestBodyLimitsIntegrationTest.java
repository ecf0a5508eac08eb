package com.balcao.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.balcao.app.config.AppConfig;
import com.balcao.app.support.TestApp;
import com.balcao.app.support.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Request bodies are bounded before anyone is signed in, compressed or not. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestBodyLimitsIntegrationTest {
    static final TestDatabase DB = TestDatabase.createMigrated();
    static final DropwizardAppExtension<AppConfig> APP = TestApp.extension(DB);
    static final HttpClient HTTP = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    /**
     * 64 MB of zeros in 64 KB of gzip. Before, the body was inflated and buffered whole by the
     * CSRF check (16 s here; 35 s and 6 GB of memory for the 1.5 GB version on the demo). The
     * time bound leaves room for a loaded test machine; the demo measurement is well under 1 s.
     */
    @Test
    void anonymousGzipBombOnLogoutIsRefusedAtOnce() throws Exception {
        byte[] bomb = gzippedZeros(64L * 1024 * 1024);
        HTTP.send(request("/logout").POST(HttpRequest.BodyPublishers.ofString("x=1")).build(),
            HttpResponse.BodyHandlers.ofString());
        long start = System.nanoTime();

        HttpResponse<String> response = HTTP.send(request("/logout")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bomb)).build(),
            HttpResponse.BodyHandlers.ofString());

        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(response.statusCode()).isIn(413, 415);
        assertThat(millis).isLessThan(3000);
    }

    @Test
    void largeFormBeforeSignInIsRefused() throws Exception {
        String form = "email=a%40b.c&password=" + "x".repeat(200 * 1024);

        HttpResponse<String> response = HTTP.send(request("/login")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void largeChunkedBodyWithoutLengthIsRefused() throws Exception {
        byte[] body = ("_csrf=x&text=" + "y".repeat(2 * 1024 * 1024)).getBytes();

        HttpResponse<String> response = HTTP.send(request("/logout")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void largeJsonToTheApiIsRefusedBeforeTheTokenIsChecked() throws Exception {
        String json = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";

        HttpResponse<String> response = HTTP.send(request("/api/v1/auth/login")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload_too_large");
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path))
            .timeout(Duration.ofSeconds(60));
    }

    private static byte[] gzippedZeros(long size) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        return bytes.toByteArray();
    }
}
