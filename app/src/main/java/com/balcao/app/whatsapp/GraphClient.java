package com.balcao.app.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * The Graph API over HTTP, for one base URL and version (both configuration, so tests and the
 * demo point it at the simulator; a number may override the base URL). Every call carries the
 * number's bearer token; errors come back as {@link GraphResponse}s, network trouble as
 * {@link IOException}.
 */
final class GraphClient {
    private final HttpClient http;
    private final String defaultBaseUrl;
    private final String version;
    private final ObjectMapper json;
    private final Duration timeout;
    private final GraphHosts hosts;

    GraphClient(String defaultBaseUrl, String version, ObjectMapper json, Duration timeout,
                GraphHosts hosts) {
        this.hosts = hosts;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
        this.defaultBaseUrl = trimSlash(defaultBaseUrl);
        this.version = version;
        this.json = json;
        this.timeout = timeout;
    }

    /** A downloaded file: where it is, how big, its SHA-256 in base64, its declared type. */
    record Download(Path file, long size, String sha256, String contentType) {
    }

    String url(BusinessNumber number, String path) {
        String base = number.graphBaseUrl() == null || number.graphBaseUrl().isBlank()
            ? defaultBaseUrl : trimSlash(number.graphBaseUrl());
        return base + "/" + version + "/" + path;
    }

    GraphResponse post(BusinessNumber number, String path, JsonNode body) throws IOException {
        return send(request(number, url(number, path)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    GraphResponse get(BusinessNumber number, String path) throws IOException {
        return getUrl(number, url(number, path));
    }

    /** A GET on a full URL (Meta's {@code paging.next}); only under our own base URL. */
    GraphResponse getUrl(BusinessNumber number, String url) throws IOException {
        if (!url.startsWith(url(number, ""))) {
            throw new IOException("Refusing to send the token to " + URI.create(url).getHost());
        }
        return send(request(number, url).GET().build());
    }

    /** {@code POST /{phone-number-id}/media} as multipart; answers {@code {"id": …}}. */
    GraphResponse upload(BusinessNumber number, Path file, String mimeType, String filename)
        throws IOException {
        Multipart multipart = new Multipart()
            .field("messaging_product", "whatsapp").field("type", mimeType);
        HttpRequest.BodyPublisher body = multipart.withFile("file", filename, mimeType, file);
        return send(request(number, url(number, number.phoneNumberId() + "/media"))
            .header("Content-Type", multipart.contentType()).POST(body).build());
    }

    /**
     * Downloads a media URL (bearer token required) into {@code target}, refusing more than
     * {@code maxBytes}; the caller checks the size and hash against what Meta announced.
     */
    Download download(BusinessNumber number, String url, Path target, long maxBytes)
        throws IOException {
        HttpRequest request = request(number, url).GET().build();
        HttpResponse<InputStream> response = call(request, HttpResponse.BodyHandlers
            .ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("Media download answered HTTP " + response.statusCode());
            }
            MessageDigest sha = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
                size = copyLimited(in, out, maxBytes);
            }
            return new Download(target, size, Base64.getEncoder().encodeToString(sha.digest()),
                response.headers().firstValue("Content-Type").orElse(null));
        }
    }

    private static long copyLimited(InputStream in, OutputStream out, long maxBytes)
        throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new IOException("Media larger than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private HttpRequest.Builder request(BusinessNumber number, String url) throws IOException {
        if (!hosts.allows(number.graphBaseUrl())) {
            throw new IOException("Refusing to send the token outside " + GraphHosts.META);
        }
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
            .header("Authorization", "Bearer " + (number.accessToken() == null ? ""
                : number.accessToken()));
    }

    private GraphResponse send(HttpRequest request) throws IOException {
        HttpResponse<byte[]> response = call(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body;
        try {
            body = response.body().length == 0 ? JsonNodeFactory.instance.objectNode()
                : json.readTree(response.body());
        } catch (IOException e) {
            body = JsonNodeFactory.instance.objectNode().put("raw",
                new String(response.body(), StandardCharsets.UTF_8));
        }
        return new GraphResponse(response.statusCode(), body);
    }

    private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
