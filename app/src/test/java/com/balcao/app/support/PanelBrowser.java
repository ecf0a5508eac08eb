package com.balcao.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that behaves like a browser on the panel's forms: it remembers
 * the CSRF token of the last page and sends it back with each form post. Redirects are not
 * followed, so tests can assert them.
 */
public final class PanelBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String csrf = "";

    public PanelBrowser(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept-Language", "pt-BR").GET().build());
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    /** Posts a form with the page's CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.putIfAbsent("_csrf", csrf);
        return postRaw(path, withToken);
    }

    /** Posts exactly the given fields: no CSRF token unless the caller adds one. */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
            .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
            .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", "pt-BR")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    /** Uploads one file the way a browser form does, with the page's CSRF token. */
    public HttpResponse<String> upload(String path, String field, String fileName, byte[] bytes) {
        String boundary = "----balcao" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + csrf + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
            + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[headBytes.length + bytes.length + tail.length];
        System.arraycopy(headBytes, 0, body, 0, headBytes.length);
        System.arraycopy(bytes, 0, body, headBytes.length, bytes.length);
        System.arraycopy(tail, 0, body, headBytes.length + bytes.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A browser signed in as {@code email}; fails when the login is not accepted. */
    public static PanelBrowser signedIn(int port, String email, String password) {
        PanelBrowser browser = new PanelBrowser(port);
        int status = browser.login(email, password).statusCode();
        if (status != 303) {
            throw new AssertionError("Login of " + email + " answered " + status);
        }
        return browser;
    }

    /**
     * Posts as htmx does: the CSRF token in its header, and repeated names in order, the way a
     * form with several rows of one field is sent.
     */
    public HttpResponse<String> htmxPost(String path, String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(encode(namesAndValues[i]))
                .append('=').append(encode(namesAndValues[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", "pt-BR")
            .header("HX-Request", "true")
            .header("X-CSRF-Token", csrf)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Loads the login page, then signs in; returns the answer to the login post. */
    public HttpResponse<String> login(String email, String password) {
        get("/login");
        return post("/login", Map.of("email", email, "password", password, "next", ""));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the remembered token, as a forged cross-site form would. */
    public void forgeCsrf(String token) {
        csrf = token;
    }

    public String csrf() {
        return csrf;
    }

    /** The Cookie header this browser sends, for requests made outside it (e.g. a stream). */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream()
            .map(cookie -> cookie.getName() + "=" + cookie.getValue())
            .collect(Collectors.joining("; "));
    }

    public String base() {
        return base;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
