package com.balcao.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MultipartTest {

    @Test
    void theFileIsReadFromDiskWhileTheRequestIsWrittenNotBefore() throws Exception {
        Path file = Files.createTempFile("upload", ".bin");
        Files.writeString(file, "old");
        Multipart multipart = new Multipart().field("messaging_product", "whatsapp");
        HttpRequest.BodyPublisher body = multipart.withFile("file", "a\"b.jpg", "image/jpeg",
            file);
        Files.writeString(file, "what is on disk when sending");

        String sent = new String(read(body), StandardCharsets.UTF_8);

        assertThat(sent).contains("name=\"messaging_product\"\r\n\r\nwhatsapp")
            .contains("filename=\"a_b.jpg\"").contains("what is on disk when sending")
            .doesNotContain("old").endsWith("--\r\n");
        assertThat(multipart.contentType()).startsWith("multipart/form-data; boundary=");
    }

    private static byte[] read(HttpRequest.BodyPublisher body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        body.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get(5, TimeUnit.SECONDS);
        return out.toByteArray();
    }
}
