package com.balcao.app.whatsapp;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A multipart/form-data body for the media upload. The file part is streamed from disk as the
 * request is written: a hundred-megabyte video is never held in memory (sixteen senders could
 * otherwise hold several copies each).
 */
final class Multipart {
    private final String boundary = "balcao-" + UUID.randomUUID();
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();

    Multipart field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
            + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The whole body, ending with {@code file} as the part {@code name}, read when sent. */
    HttpRequest.BodyPublisher withFile(String name, String filename, String type, Path file)
        throws FileNotFoundException {
        String safeName = filename.replaceAll("[\"\\\\\r\n]", "_");
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
            + "\"; filename=\"" + safeName + "\"\r\nContent-Type: " + type + "\r\n\r\n");
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.concat(
            HttpRequest.BodyPublishers.ofByteArray(head.toByteArray()),
            HttpRequest.BodyPublishers.ofFile(file),
            HttpRequest.BodyPublishers.ofByteArray(tail));
    }

    private void write(String text) {
        head.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
