package com.balcao.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A small JSON client for the REST API, keeping the status and the parsed body together. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient client = HttpClient.newHttpClient();

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response: status, headers and the body as JSON (null when empty or not JSON). */
    public record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        public String text(String field) {
            return json == null || json.get(field) == null ? null : json.get(field).asText();
        }
    }

    public Reply post(String path, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(withAuth(request, bearer));
    }

    public Reply get(String path, String bearer) {
        return send(withAuth(HttpRequest.newBuilder(URI.create(base + path)).GET(), bearer));
    }

    /** Signs in and returns the access token; fails the test when sign-in fails. */
    public String login(String email, String password) {
        Reply reply = post("/api/v1/auth/login", json(email, password), null);
        if (reply.status() != 200) {
            throw new AssertionError("API login failed: " + reply.status() + " " + reply.json());
        }
        return reply.text("accessToken");
    }

    public static String json(String email, String password) {
        return JSON.createObjectNode().put("email", email).put("password", password).toString();
    }

    private static HttpRequest withAuth(HttpRequest.Builder request, String bearer) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.build();
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = null;
            if (!response.body().isBlank()) {
                try {
                    body = JSON.readTree(response.body());
                } catch (IOException notJson) {
                    body = null;
                }
            }
            return new Reply(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
