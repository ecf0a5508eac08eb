package com.balcao.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A REST API client signed in with a Bearer token, answering parsed JSON. */
public final class BearerApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    private BearerApi(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    /** Signs in through {@code POST /api/v1/auth/login}. */
    public static BearerApi login(int port, String email, String password) {
        BearerApi anonymous = new BearerApi(port, null);
        Answer answer = anonymous.post("/api/v1/auth/login", Map.of("email", email,
            "password", password), Map.of());
        if (answer.status() != 200) {
            throw new IllegalStateException("Login failed: " + answer.status() + " "
                + answer.body());
        }
        return new BearerApi(port, answer.json().path("accessToken").asText());
    }

    public String token() {
        return token;
    }

    public static BearerApi anonymous(int port) {
        return new BearerApi(port, null);
    }

    /** A status and a body (parsed when it is JSON). */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer post(String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer post(String path, Object body) {
        return post(path, body, Map.of());
    }

    /** PUT with a JSON body: an object (serialised) or a JSON document given as a String. */
    public Answer put(String path, Object body) {
        try {
            String json = body instanceof String text ? text : JSON.writeValueAsString(body);
            return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
