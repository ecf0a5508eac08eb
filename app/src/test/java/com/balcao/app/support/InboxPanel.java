package com.balcao.app.support;

import com.balcao.app.support.PanelBrowser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One person's signed-in panel on the inbox, doing what its htmx forms do: fragment GETs,
 * action posts with the page's CSRF token, and the composer's multipart send.
 */
public final class InboxPanel {
    private final PanelBrowser browser;

    private InboxPanel(PanelBrowser browser) {
        this.browser = browser;
    }

    public static InboxPanel signIn(int port, String email, String password) {
        PanelBrowser browser = new PanelBrowser(port);
        HttpResponse<String> login = browser.login(email, password);
        if (login.statusCode() != 303) {
            throw new IllegalStateException("Login answered " + login.statusCode());
        }
        HttpResponse<String> inbox = browser.get("/inbox");
        if (inbox.statusCode() != 200) {
            throw new IllegalStateException("The inbox answered " + inbox.statusCode());
        }
        return new InboxPanel(browser);
    }

    public HttpResponse<String> get(String path) {
        return browser.get(path);
    }

    /** Posts any panel form with the page's CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return browser.post(path, fields);
    }

    /** The list fragment for a query string such as {@code tab=queue}. */
    public String list(String query) {
        HttpResponse<String> list = browser.get("/inbox/list?" + query);
        if (list.statusCode() != 200) {
            throw new AssertionError("The list answered " + list.statusCode());
        }
        return list.body();
    }

    public HttpResponse<String> fragment(String conversation, String part) {
        return browser.get("/inbox/c/" + conversation + "/" + part);
    }

    /** A header action ({@code take}, {@code bot}, {@code resolve}, {@code reopen}…). */
    public HttpResponse<String> act(String conversation, String action) {
        return act(conversation, action, Map.of());
    }

    public HttpResponse<String> act(String conversation, String action,
                                    Map<String, String> fields) {
        return browser.post("/inbox/c/" + conversation + "/" + action, fields);
    }

    /** The composer's send, as multipart with the CSRF header htmx adds. */
    public HttpResponse<String> send(String conversation, Map<String, String> fields) {
        String boundary = "----inbox" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary)
            .append("\r\nContent-Disposition: form-data; name=\"").append(name)
            .append("\"\r\n\r\n").append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/inbox/c/"
                + conversation + "/send"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("X-CSRF-Token", browser.csrf())
            .header("Accept-Language", "pt-BR")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build());
    }

    /** The composer's send with a file attached, as the browser posts it. */
    public HttpResponse<String> sendFile(String conversation, Map<String, String> fields,
                                  String fileName, String mimeType, byte[] content) {
        String boundary = "----inbox" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary)
            .append("\r\nContent-Disposition: form-data; name=\"").append(name)
            .append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; "
            + "name=\"file\"; filename=\"").append(fileName).append("\"\r\nContent-Type: ")
            .append(mimeType).append("\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/inbox/c/"
                + conversation + "/send"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("X-CSRF-Token", browser.csrf())
            .header("Accept-Language", "pt-BR")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
    }

    /** Whether a list (fragment or page) has a row for the conversation. */
    public static boolean lists(String html, String conversation) {
        return Pattern.compile("class=\"conversation[^\"]*\"[^>]*data-conversation=\""
            + Pattern.quote(conversation) + "\"").matcher(html).find();
    }

    /** Whether the conversation's row in a list shows an unread counter. */
    public static boolean showsUnread(String html, String conversation) {
        return Pattern.compile("class=\"conversation[^\"]*has-unread[^\"]*\"[^>]*"
            + "data-conversation=\"" + Pattern.quote(conversation) + "\"").matcher(html).find();
    }

    /** The preview line of the conversation's row in a list, tags removed. */
    public static String preview(String html, String conversation) {
        int row = html.indexOf("data-conversation=\"" + conversation + "\"");
        if (row < 0) {
            throw new AssertionError("The list has no row for " + conversation);
        }
        int start = html.indexOf("class=\"preview", row);
        int end = html.indexOf("</span></span>", start);
        return html.substring(html.indexOf('>', start) + 1, end).replaceAll("<[^>]+>", "")
            .replace("&#x3D;", "=").trim();
    }
}
