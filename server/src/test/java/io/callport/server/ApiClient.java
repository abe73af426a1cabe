package io.callport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls a running server's HTTP API over real HTTP, with any key or as the owner the first start printed. */
public abstract class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();

    public abstract CallportServer server();

    public abstract String ownerKey();

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server().httpPort() + path);
    }

    /** The body as text and, when it is JSON, parsed. */
    public record Response(int status, String body, HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
            }
        }

        /** The error code of an error body. */
        public String error() {
            return json().path("error").asText();
        }
    }

    public Response get(String path, String key) {
        return send(request(path, key).GET());
    }

    public Response delete(String path, String key) {
        return send(request(path, key).DELETE());
    }

    public Response post(String path, String key, String json) {
        return send(request(path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String key, String json) {
        return send(request(path, key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String key, String json) {
        return send(request(path, key).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postBody(String path, String key, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(path, key).header("Content-Type", contentType).POST(body));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    /** Creates a campaign with the owner key and returns its id. */
    public String createCampaign(String name) {
        Response created = post("/api/v1/campaigns", ownerKey(), "{\"name\": \"" + name + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("Creating a campaign failed: " + created.body());
        }
        return created.json().get("id").asText();
    }

    /** Issues a key with the owner key; {@code campaignId} may be null. Returns the secret. */
    public String createKey(String role, String campaignId) {
        String campaign = campaignId == null ? "" : ", \"campaignId\": \"" + campaignId + "\"";
        Response created = post("/api/v1/api-keys", ownerKey(),
                "{\"name\": \"test " + role + "\", \"role\": \"" + role + "\"" + campaign + "}");
        if (created.status() != 201) {
            throw new IllegalStateException("Creating a key failed: " + created.body());
        }
        return created.json().get("secret").asText();
    }
}
