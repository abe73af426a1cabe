package io.callport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A real server on a free loopback port with its own data folder, called over real HTTP. Its owner key is the
 * one the first start printed.
 */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallportServer server;
    private final String ownerKey;
    private final HttpClient client = HttpClient.newHttpClient();

    private TestServer(CallportServer server, String ownerKey) {
        this.server = server;
        this.ownerKey = ownerKey;
    }

    public static TestServer start(Path dataDir) {
        return start(ServerConfig.embedded(dataDir).withPorts(0, 0), List.of());
    }

    public static TestServer start(ServerConfig config, List<ServerExtension> extensions) {
        return start(config, extensions, Clock.systemUTC());
    }

    public static TestServer start(ServerConfig config, List<ServerExtension> extensions, Clock clock) {
        CallportServer server = new CallportServer(config, extensions, clock).start();
        return new TestServer(server, server.initialOwnerKey().orElse(null));
    }

    public CallportServer server() {
        return server;
    }

    public String ownerKey() {
        return ownerKey;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.httpPort() + path);
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
        Response created = post("/api/v1/campaigns", ownerKey, "{\"name\": \"" + name + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("Creating a campaign failed: " + created.body());
        }
        return created.json().get("id").asText();
    }

    /** Issues a key with the owner key; {@code campaignId} may be null. Returns the secret. */
    public String createKey(String role, String campaignId) {
        String campaign = campaignId == null ? "" : ", \"campaignId\": \"" + campaignId + "\"";
        Response created = post("/api/v1/api-keys", ownerKey,
                "{\"name\": \"test " + role + "\", \"role\": \"" + role + "\"" + campaign + "}");
        if (created.status() != 201) {
            throw new IllegalStateException("Creating a key failed: " + created.body());
        }
        return created.json().get("secret").asText();
    }

    @Override
    public void close() {
        server.stop();
    }
}
