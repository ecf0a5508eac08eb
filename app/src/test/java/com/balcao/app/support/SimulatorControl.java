package com.balcao.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Drives the app's built-in WhatsApp simulator as a signed-in admin: the customer phone
 * (typing as a customer), failure injection and counters of the fake Graph API.
 */
public final class SimulatorControl {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PanelBrowser browser;

    private SimulatorControl(PanelBrowser browser) {
        this.browser = browser;
    }

    /** Signs in on the panel and opens the phone page (which gives the CSRF token). */
    public static SimulatorControl signIn(int port, String email, String password) {
        PanelBrowser browser = new PanelBrowser(port);
        HttpResponse<String> login = browser.login(email, password);
        if (login.statusCode() != 303) {
            throw new IllegalStateException("Login answered " + login.statusCode() + " "
                + login.body());
        }
        HttpResponse<String> page = browser.get("/simulator/phone");
        if (page.statusCode() != 200) {
            throw new IllegalStateException("Phone page answered " + page.statusCode() + " "
                + page.headers().firstValue("Location").orElse(""));
        }
        return new SimulatorControl(browser);
    }

    /** The customer {@code customer} types {@code text}; answers the webhook's status. */
    public JsonNode type(String customer, String name, String text) {
        return post("/simulator/api/phone/messages", Map.of("customer", customer, "name", name,
            "text", text));
    }

    /** The customer taps a button or list row ({@code id}, {@code title}) of our message. */
    public JsonNode tap(String customer, String name, String id, String title,
                        String messageWamid) {
        return post("/simulator/api/phone/messages", Map.of("customer", customer, "name", name,
            "text", title, "buttonId", id, "contextId", messageWamid));
    }

    /** The customer sends the simulator's sample picture with a caption. */
    public JsonNode sendPicture(String customer, String caption) {
        return post("/simulator/api/phone/messages", Map.of("customer", customer, "name",
            "Cliente", "text", caption, "image", true));
    }

    public JsonNode chat(String customer) {
        return parse(browser.get("/simulator/api/phone/chat?customer=" + customer));
    }

    /** The next {@code count} sends (to {@code to}, or anyone when null) fail this way. */
    public JsonNode fail(Integer code, int httpStatus, int count, boolean async, String to) {
        Map<String, Object> body = new HashMap<>(Map.of("httpStatus", httpStatus,
            "count", count, "async", async));
        body.put("code", code);
        body.put("to", to);
        return post("/simulator/api/failures", body);
    }

    public JsonNode stats() {
        return parse(browser.get("/simulator/api/stats"));
    }

    public PanelBrowser browser() {
        return browser;
    }

    private JsonNode post(String path, Object body) {
        try {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                    URI.create(browser.base() + path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", browser.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + " "
                    + response.body());
            }
            return parse(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
