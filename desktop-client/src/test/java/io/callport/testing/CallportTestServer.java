package io.callport.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.server.CallportServer;
import io.callport.server.StandardExtensions;
import io.callport.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real Callport server with its standard extensions (SFTP, uploads, and the pipeline once it is there),
 * in-process on loopback with its own data folder. Its ports are chosen once, so it can be stopped and started
 * again at the same address, as a server that goes away mid-upload does.
 */
public final class CallportTestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerConfig config;
    private final HttpClient http = HttpClient.newHttpClient();
    private CallportServer server;
    private String ownerKey;

    private CallportTestServer(ServerConfig config) {
        this.config = config;
    }

    public static CallportTestServer start(Path dataDir) {
        CallportTestServer test = new CallportTestServer(
                ServerConfig.embedded(dataDir).withPorts(freePort(), freePort()));
        test.start();
        return test;
    }

    /** Starts the server (again) on its ports and data folder. */
    public synchronized CallportTestServer start() {
        server = new CallportServer(config, StandardExtensions.all()).start();
        server.initialOwnerKey().ifPresent(key -> ownerKey = key);
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public String url() {
        return "http://127.0.0.1:" + config.httpPort();
    }

    public int sftpPort() {
        return config.sftpPort();
    }

    public String ownerKey() {
        return ownerKey;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    /** Creates a campaign with the owner key; returns the campaign's JSON (id, name, folder). */
    public JsonNode createCampaign(String name) {
        return call("POST", "/api/v1/campaigns", "{\"name\": \"" + name + "\"}", 201);
    }

    /** Adds an agent the calls can name by email. */
    public void addAgent(String email, String name) {
        call("POST", "/api/v1/agents", "{\"email\": \"" + email + "\", \"name\": \"" + name + "\"}", 201);
    }

    /** Issues a key of the role, for a campaign or (null) the organisation; returns its secret. */
    public String createKey(String role, String campaignId) {
        String campaign = campaignId == null ? "" : ", \"campaignId\": \"" + campaignId + "\"";
        return call("POST", "/api/v1/api-keys", "{\"name\": \"test " + role + "\", \"role\": \"" + role + "\""
                + campaign + "}", 201).get("secret").asText();
    }

    /** Calls the API with the owner key and returns the JSON answer, failing on another status. */
    public JsonNode call(String method, String path, String json, int expectedStatus) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path))
                .header("Authorization", "Bearer " + ownerKey).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The landing folder of a campaign, where arrived files are kept under their final names. */
    public Path landingFolder(String campaignFolder) {
        Path landing = config.dataDir().resolve("landing");
        try (Stream<Path> organisations = Files.list(landing)) {
            return organisations.map(organisation -> organisation.resolve(campaignFolder))
                    .filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No landing folder for " + campaignFolder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files that have arrived in a campaign, by any route, with their paths inside it. */
    public List<String> arrived(String campaignFolder) {
        if (!hasLandingFolder(campaignFolder)) {
            return List.of();
        }
        Path folder = landingFolder(campaignFolder);
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean hasLandingFolder(String campaignFolder) {
        try (Stream<Path> organisations = Files.list(config.dataDir().resolve("landing"))) {
            return organisations.anyMatch(organisation -> Files.isDirectory(organisation.resolve(campaignFolder)));
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
