package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callport.testsupport.MutableClock;
import io.callport.server.StandardExtensions;
import io.callport.server.TestServer;
import io.callport.server.auth.ApiKeyService;
import io.callport.server.auth.AuthFailureLimiter;
import io.callport.server.auth.Role;
import io.callport.server.config.ServerConfig;
import io.callport.server.store.Store;
import io.callport.server.upload.UploadRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route the production server registers, tried with every kind of credential that must not work: none, a
 * malformed one, an unknown one, a revoked one, another organisation's owner key, and an owner key scoped to another
 * campaign of the same organisation. The routes come from the running server, so a new route is tried without a
 * key automatically, and this test fails until it says how to aim the route at another organisation's data.
 */
class RouteAccessTest {
    /** Answered without a key: health, the signed presigned form (its signature is its credential), tus discovery. */
    private static final Set<String> PUBLIC = Set.of("GET /health", "POST " + UploadRoutes.PRESIGNED_PATH,
            "OPTIONS " + UploadRoutes.TUS_PATH, "OPTIONS " + UploadRoutes.TUS_UPLOAD_PATH);
    private static final String TUS_VERSION = "1.0.0";
    /** The victim's pull connector: disabled, so it never runs; its password is a secret of the victim's. */
    private static final String CONNECTOR_NAME = "Victim depot";
    private static final String CONNECTOR_HOST = "depot.victim.example";
    private static final String CONNECTOR_PASSWORD = "victim-depot-password";

    /** What a route works on: data named in the request (the victim's), or the caller's own scope. */
    private enum Aim { VICTIM, OWN_SCOPE }

    /** Organisation-level work, which a campaign key may never do (403), or campaign-level work. */
    private enum Level { ORGANISATION, CAMPAIGN }

    private record Route(Aim aim, Level level, Function<String, HttpRequest.Builder> request) {
    }

    @TempDir
    static Path dataDir;
    /** Real time that the test can move on: the pipeline's queued work falls due, the limiter's window passes. */
    static final MutableClock clock = MutableClock.running();
    static TestServer server;
    static Victim victim;
    static Map<String, Route> routes;
    static int failedAuthentications;

    /** The organisation under attack and everything it owns that a route can name. */
    private record Victim(String ownerKey, String campaign, String campaignName, String otherCampaign, String keyId,
                          String keySecret, String sshKeyId, String tusUpload, String connectorId, String batchId,
                          String callId, String webhookId) {

        /** Names no answer to an outsider may hold; a refusal may repeat an id the request itself named. */
        List<String> names() {
            return List.of(campaignName, "Victor Victim", "victim@acme.example", keySecret, CONNECTOR_NAME,
                    CONNECTOR_HOST, CONNECTOR_PASSWORD);
        }

        /** What an answer about another organisation's own data must not hold. */
        List<String> organisationMarkers() {
            return concat(names(), List.of(campaign, otherCampaign, keyId, sshKeyId, tusUpload, connectorId,
                    webhookId));
        }

        /** What an answer to a key for the organisation's other campaign, about that campaign, must not hold. */
        List<String> campaignMarkers() {
            return concat(List.of(campaignName, keySecret, CONNECTOR_NAME), List.of(campaign, sshKeyId, tusUpload,
                    connectorId));
        }

        private static List<String> concat(List<String> first, List<String> second) {
            List<String> both = new ArrayList<>(first);
            both.addAll(second);
            return both;
        }
    }

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(ServerConfig.embedded(dataDir).withPorts(0, 0), StandardExtensions.all(), clock);
        victim = createVictim();
        routes = routesAimedAt(victim);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRegisteredRouteIsPublicOrHasAWayToAimItAtAnotherOrganisation() {
        List<String> operations = server.server().httpOperations();

        assertThat(operations).containsAll(PUBLIC).hasSizeGreaterThan(PUBLIC.size() + 20);
        assertThat(operations.stream().filter(operation -> !PUBLIC.contains(operation)))
                .as("routes this test does not know how to aim at another organisation's data; add them to"
                        + " routesAimedAt")
                .allMatch(routes::containsKey);
    }

    @Test
    void everyRouteRefusesAMissingMalformedUnknownOrRevokedKey() {
        String revoked = server.createKey("OWNER", null);
        String revokedId = keyIdOf(revoked);
        assertThat(server.delete("/api/v1/api-keys/" + revokedId, victim.ownerKey()).status()).isEqualTo(204);
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("no key", null);
        credentials.put("a malformed key", "not-a-key");
        credentials.put("an unknown key", "cp_" + "A".repeat(43));
        credentials.put("a revoked key", revoked);

        for (String operation : server.server().httpOperations()) {
            if (PUBLIC.contains(operation)) {
                continue;
            }
            credentials.forEach((what, key) -> {
                TestServer.Response response = sendCountingFailures(operation, key);
                assertThat(response.status()).as("%s with %s", operation, what).isEqualTo(401);
                assertThat(response.body()).as("%s with %s", operation, what).doesNotContain(victim.names());
            });
        }
    }

    @Test
    void anotherOrganisationsOwnerKeyReachesNothingOfThisOrganisation() {
        Store store = server.server().context().store();
        String otherOrganisation = store.organisations().create("Globex").id();
        String globexKey = new ApiKeyService(store.apiKeys(), clock).issue(otherOrganisation, null, "globex owner",
                Role.OWNER).secret();

        routes.forEach((operation, route) -> {
            TestServer.Response response = server.send(route.request().apply(globexKey));
            if (route.aim() == Aim.VICTIM) {
                assertThat(response.status()).as("%s with another organisation's key: %s", operation, response.body())
                        .isEqualTo(404);
                assertThat(response.body()).as(operation).doesNotContain(victim.names());
            } else {
                assertThat(response.status()).as("%s with another organisation's key", operation).isBetween(200, 299);
                assertThat(response.body()).as(operation).doesNotContain(victim.organisationMarkers());
            }
        });
        assertVictimUntouched();
    }

    @Test
    void aKeyForAnotherCampaignReachesNeitherThisCampaignNorOrganisationLevelWork() {
        String otherCampaignKey = server.createKey("OWNER", victim.otherCampaign());

        routes.forEach((operation, route) -> {
            TestServer.Response response = server.send(route.request().apply(otherCampaignKey));
            String description = operation + " with a key for another campaign: " + response.body();
            if (route.level() == Level.ORGANISATION) {
                assertThat(response.status()).as(description).isEqualTo(403);
            } else if (route.aim() == Aim.VICTIM) {
                assertThat(response.status()).as(description).isEqualTo(404);
            } else {
                assertThat(response.status()).as(description).isBetween(200, 299);
                assertThat(response.body()).as(operation).doesNotContain(victim.campaignMarkers());
            }
            assertThat(response.body()).as(operation).doesNotContain(victim.names());
        });
        assertVictimUntouched();
    }

    @Test
    void publicRoutesGiveNothingAwayWithoutCredentials() {
        TestServer.Response health = server.get("/health", null);
        TestServer.Response unsignedForm = server.send(multipart(UploadRoutes.PRESIGNED_PATH, null,
                Map.of("key", "uploads/x/call.wav", "policy", "e30", "signature", "AAAA")));
        TestServer.Response discovery = server.send(server.request(UploadRoutes.TUS_PATH + "/" + victim.tusUpload(), null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(health.status()).isEqualTo(200);
        assertThat(unsignedForm.status()).isIn(400, 403);
        assertThat(discovery.status()).isEqualTo(204);
        assertThat(discovery.headers().firstValue("Upload-Offset")).isEmpty();
        assertThat(List.of(health.body(), unsignedForm.body(), discovery.body()))
                .allSatisfy(body -> assertThat(body).doesNotContain(victim.organisationMarkers()));
    }

    /** After every attempt, the victim's data is as it was made. */
    private static void assertVictimUntouched() {
        String owner = victim.ownerKey();
        assertThat(server.get("/api/v1/campaigns/" + victim.campaign(), owner).json().get("name").asText())
                .isEqualTo(victim.campaignName());
        assertThat(server.get("/api/v1/campaigns/" + victim.campaign() + "/mapping/versions", owner).json())
                .hasSize(1);
        assertThat(server.get("/api/v1/campaigns/" + victim.campaign(), victim.keySecret()).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/ssh-keys", owner).json().findValuesAsText("id")).contains(victim.sshKeyId());
        assertThat(server.get("/api/v1/agents", owner).json().findValuesAsText("name"))
                .containsExactly("Victor Victim");
        assertThat(server.get("/api/v1/users", owner).json().findValuesAsText("email"))
                .doesNotContain("intruder@globex.example");
        TestServer.Response upload = server.send(server.request(UploadRoutes.TUS_PATH + "/" + victim.tusUpload(), owner)
                .header("Tus-Resumable", TUS_VERSION).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(upload.headers().firstValue("Upload-Offset")).contains("4");
        assertThat(server.get("/api/v1/campaigns", owner).json().findValuesAsText("name"))
                .doesNotContain("Intruder", "Taken over");
        JsonNode connector = server.get(PullConnectorRoutes.PATH + "/" + victim.connectorId(), owner).json();
        assertThat(connector.get("host").asText()).isEqualTo(CONNECTOR_HOST);
        assertThat(connector.get("enabled").asBoolean()).isFalse();
        assertThat(connector.get("hostKeyFingerprint").isNull()).isTrue();
        assertThat(server.get("/api/v1/campaigns/" + victim.campaign() + "/connectors", owner).json()
                .findValuesAsText("name")).containsExactly(CONNECTOR_NAME);
    }

    // ---- the victim and the routes aimed at it

    private static Victim createVictim() throws IOException {
        String owner = server.ownerKey();
        String campaign = server.createCampaign("Victim sales");
        String otherCampaign = server.createCampaign("Victim support");
        put("/api/v1/campaigns/" + campaign + "/mapping", owner, MAPPING);
        String keySecret = server.createKey("MANAGER", campaign);
        TestServer.Response sshKey = server.post("/api/v1/ssh-keys", owner, "{\"publicKey\": \""
                + publicKey("ed25519.pub") + "\", \"campaignId\": \"" + campaign + "\"}");
        assertThat(sshKey.status()).isEqualTo(201);
        assertThat(server.post("/api/v1/agents", owner, "{\"externalId\": \"V-1\", \"name\": \"Victor Victim\"}")
                .status()).isEqualTo(201);
        assertThat(server.post("/api/v1/users", owner,
                "{\"email\": \"victim@acme.example\", \"name\": \"Vic\", \"role\": \"MANAGER\"}").status()).isEqualTo(201);
        TestServer.Response tus = server.send(tusCreate(owner, campaign, 8));
        assertThat(tus.status()).isEqualTo(201);
        String location = tus.headers().firstValue("Location").orElseThrow();
        String tusUpload = location.substring(location.lastIndexOf('/') + 1);
        assertThat(server.send(tusPatch(owner, tusUpload)).status()).isEqualTo(204);
        TestServer.Response connector = server.post("/api/v1/campaigns/" + campaign + "/connectors", owner,
                connectorJson(CONNECTOR_NAME, CONNECTOR_HOST, CONNECTOR_PASSWORD));
        assertThat(connector.status()).isEqualTo(201);
        // ids shaped like the pipeline's: outsiders must get the same 404 whether or not such a batch or call exists
        String batchId = "bat_" + "V".repeat(17);
        String callId = "call_" + "V".repeat(17);
        TestServer.Response webhook = server.post(WebhookRoutes.PATH, owner,
                "{\"url\": \"https://victim.example/hooks\", \"campaignId\": \"" + campaign + "\"}");
        assertThat(webhook.status()).isEqualTo(201);
        return new Victim(owner, campaign, "Victim sales", otherCampaign, keyIdOf(keySecret), keySecret,
                sshKey.json().get("id").asText(), tusUpload, connector.json().get("id").asText(), batchId, callId,
                webhook.json().get("id").asText());
    }

    private static Map<String, Route> routesAimedAt(Victim v) throws IOException {
        String campaign = "/api/v1/campaigns/" + v.campaign();
        String otherPublicKey = publicKey("ecdsa256.pub");
        Map<String, Route> all = new LinkedHashMap<>();
        all.put("GET /metrics", new Route(Aim.OWN_SCOPE, Level.CAMPAIGN, key -> get("/metrics", key)));
        all.put("GET /api/v1/openapi.json", new Route(Aim.OWN_SCOPE, Level.CAMPAIGN,
                key -> get("/api/v1/openapi.json", key)));
        all.put("POST /api/v1/campaigns", new Route(Aim.OWN_SCOPE, Level.ORGANISATION,
                key -> json("POST", "/api/v1/campaigns", key, "{\"name\": \"Intruder\"}")));
        all.put("GET /api/v1/campaigns", new Route(Aim.OWN_SCOPE, Level.CAMPAIGN, key -> get("/api/v1/campaigns", key)));
        all.put("GET /api/v1/campaigns/{id}", new Route(Aim.VICTIM, Level.CAMPAIGN, key -> get(campaign, key)));
        all.put("PATCH /api/v1/campaigns/{id}", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> json("PATCH", campaign, key, "{\"name\": \"Taken over\"}")));
        all.put("PUT /api/v1/campaigns/{id}/mapping", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> json("PUT", campaign + "/mapping", key, MAPPING)));
        all.put("GET /api/v1/campaigns/{id}/mapping", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> get(campaign + "/mapping", key)));
        all.put("GET /api/v1/campaigns/{id}/mapping/versions", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> get(campaign + "/mapping/versions", key)));
        all.put("POST /api/v1/campaigns/{id}/mapping/sample", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> body("POST", campaign + "/mapping/sample", key, "text/csv", SAMPLE)));
        all.put("PUT /api/v1/campaigns/{id}/agent-creation", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> json("PUT", campaign + "/agent-creation", key,
                        "{\"enabled\": true, \"emailTemplate\": \"%agentid%@globex.example\"}")));
        all.put("GET /api/v1/campaigns/{id}/agent-creation", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> get(campaign + "/agent-creation", key)));
        all.put("POST /api/v1/api-keys", new Route(Aim.VICTIM, Level.ORGANISATION, key -> json("POST",
                "/api/v1/api-keys", key, "{\"name\": \"mine now\", \"role\": \"OWNER\", \"campaignId\": \""
                        + v.campaign() + "\"}")));
        all.put("GET /api/v1/api-keys", new Route(Aim.OWN_SCOPE, Level.ORGANISATION, key -> get("/api/v1/api-keys", key)));
        all.put("DELETE /api/v1/api-keys/{id}", new Route(Aim.VICTIM, Level.ORGANISATION,
                key -> server.request("/api/v1/api-keys/" + v.keyId(), key).DELETE()));
        all.put("POST /api/v1/ssh-keys", new Route(Aim.VICTIM, Level.CAMPAIGN, key -> json("POST", "/api/v1/ssh-keys",
                key, "{\"publicKey\": \"" + otherPublicKey + "\", \"campaignId\": \"" + v.campaign() + "\"}")));
        all.put("GET /api/v1/ssh-keys", new Route(Aim.OWN_SCOPE, Level.CAMPAIGN, key -> get("/api/v1/ssh-keys", key)));
        all.put("DELETE /api/v1/ssh-keys/{id}", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> server.request("/api/v1/ssh-keys/" + v.sshKeyId(), key).DELETE()));
        // agents and users belong to the caller's organisation: another one makes its own, never the victim's
        all.put("POST /api/v1/agents", new Route(Aim.OWN_SCOPE, Level.ORGANISATION, key -> json("POST",
                "/api/v1/agents", key, "{\"externalId\": \"V-1\", \"name\": \"Overwritten\"}")));
        all.put("GET /api/v1/agents", new Route(Aim.OWN_SCOPE, Level.ORGANISATION, key -> get("/api/v1/agents", key)));
        all.put("POST /api/v1/agents/import", new Route(Aim.OWN_SCOPE, Level.ORGANISATION, key -> body("POST",
                "/api/v1/agents/import", key, "text/csv", "external_id,name\nV-1,Overwritten by import\n")));
        all.put("POST /api/v1/users", new Route(Aim.OWN_SCOPE, Level.ORGANISATION, key -> json("POST", "/api/v1/users",
                key, "{\"email\": \"intruder@globex.example\", \"name\": \"Intruder\", \"role\": \"AGENT\"}")));
        all.put("GET /api/v1/users", new Route(Aim.OWN_SCOPE, Level.ORGANISATION, key -> get("/api/v1/users", key)));
        all.put("POST " + UploadRoutes.ONE_SHOT_PATH, new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> multipart(UploadRoutes.ONE_SHOT_PATH, key, Map.of("campaignId", v.campaign()))));
        all.put("POST " + UploadRoutes.PRESIGN_PATH, new Route(Aim.VICTIM, Level.CAMPAIGN, key -> json("POST",
                UploadRoutes.PRESIGN_PATH, key, "{\"campaignId\": \"" + v.campaign()
                        + "\", \"filename\": \"call.wav\", \"size\": 4}")));
        all.put("POST " + UploadRoutes.TUS_PATH, new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> tusCreate(key, v.campaign(), 4)));
        String upload = UploadRoutes.TUS_PATH + "/" + v.tusUpload();
        all.put("HEAD " + UploadRoutes.TUS_UPLOAD_PATH, new Route(Aim.VICTIM, Level.CAMPAIGN, key -> server
                .request(upload, key).header("Tus-Resumable", TUS_VERSION)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())));
        all.put("PATCH " + UploadRoutes.TUS_UPLOAD_PATH, new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> tusPatch(key, v.tusUpload())));
        all.put("DELETE " + UploadRoutes.TUS_UPLOAD_PATH, new Route(Aim.VICTIM, Level.CAMPAIGN, key -> server
                .request(upload, key).header("Tus-Resumable", TUS_VERSION).DELETE()));
        String connector = PullConnectorRoutes.PATH + "/" + v.connectorId();
        all.put("POST /api/v1/campaigns/{id}/connectors", new Route(Aim.VICTIM, Level.CAMPAIGN, key -> json("POST",
                campaign + "/connectors", key, connectorJson("Intruder depot", "attacker.example", "x"))));
        all.put("GET /api/v1/campaigns/{id}/connectors", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> get(campaign + "/connectors", key)));
        all.put("GET /api/v1/connectors/{id}", new Route(Aim.VICTIM, Level.CAMPAIGN, key -> get(connector, key)));
        all.put("PATCH /api/v1/connectors/{id}", new Route(Aim.VICTIM, Level.CAMPAIGN, key -> json("PATCH",
                connector, key, "{\"host\": \"attacker.example\", \"enabled\": true}")));
        all.put("DELETE /api/v1/connectors/{id}", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> server.request(connector, key).DELETE()));
        all.put("POST /api/v1/connectors/{id}/run", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> json("POST", connector + "/run", key, "")));
        all.put("POST /api/v1/connectors/{id}/confirm-host-key", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> json("POST", connector + "/confirm-host-key", key, "{\"fingerprint\": \"SHA256:attacker\"}")));
        all.put("GET /api/v1/connectors/{id}/files", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> get(connector + "/files", key)));
        String ofCampaign = "?campaignId=" + v.campaign();
        String batch = "/api/v1/batches/" + v.batchId();
        String call = "/api/v1/calls/" + v.callId();
        all.put("GET /api/v1/batches", new Route(Aim.VICTIM, Level.CAMPAIGN, key -> get("/api/v1/batches" + ofCampaign,
                key)));
        all.put("GET /api/v1/batches/{id}", new Route(Aim.VICTIM, Level.CAMPAIGN, key -> get(batch, key)));
        all.put("GET /api/v1/batches/{id}/files", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> get(batch + "/files", key)));
        all.put("POST /api/v1/batches/{id}/cancel", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> json("POST", batch + "/cancel", key, "")));
        all.put("GET /api/v1/calls", new Route(Aim.VICTIM, Level.CAMPAIGN, key -> get("/api/v1/calls" + ofCampaign,
                key)));
        all.put("GET /api/v1/calls/{id}", new Route(Aim.VICTIM, Level.CAMPAIGN, key -> get(call, key)));
        all.put("POST /api/v1/calls/{id}/reprocess", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> json("POST", call + "/reprocess", key, "")));
        // the allocation belongs to the caller's organisation: another one sets its own, never the victim's
        all.put("GET " + UsageRoutes.PATH, new Route(Aim.OWN_SCOPE, Level.CAMPAIGN, key -> get(UsageRoutes.PATH, key)));
        all.put("PUT " + UsageRoutes.PATH, new Route(Aim.OWN_SCOPE, Level.ORGANISATION, key -> json("PUT",
                UsageRoutes.PATH, key, "{\"monthlyMinutes\": 1}")));
        // a webhook's secret is a credential: organisation keys that manage API keys only
        String webhook = WebhookRoutes.PATH + "/" + v.webhookId();
        all.put("POST " + WebhookRoutes.PATH, new Route(Aim.VICTIM, Level.ORGANISATION, key -> json("POST",
                WebhookRoutes.PATH, key, "{\"url\": \"https://attacker.example/hooks\", \"campaignId\": \""
                        + v.campaign() + "\"}")));
        all.put("GET " + WebhookRoutes.PATH, new Route(Aim.OWN_SCOPE, Level.ORGANISATION,
                key -> get(WebhookRoutes.PATH, key)));
        all.put("DELETE " + WebhookRoutes.PATH + "/{id}", new Route(Aim.VICTIM, Level.ORGANISATION,
                key -> server.request(webhook, key).DELETE()));
        all.put("GET " + WebhookRoutes.PATH + "/{id}/deliveries", new Route(Aim.VICTIM, Level.ORGANISATION,
                key -> get(webhook + "/deliveries", key)));
        // the stream is refused before it starts, so the answer ends
        all.put("GET /api/v1/events", new Route(Aim.VICTIM, Level.CAMPAIGN,
                key -> get("/api/v1/events" + ofCampaign, key).header("Accept", "text/event-stream")));
        return all;
    }

    /**
     * The route's request aimed at the victim, or for a route without one, its method on its path with every
     * parameter filled in. Past the limiter's allowance of failures per address, the clock moves on a window.
     */
    private static TestServer.Response sendCountingFailures(String operation, String key) {
        if (++failedAuthentications % AuthFailureLimiter.DEFAULT_MAX_FAILURES == 0) {
            clock.advance(AuthFailureLimiter.DEFAULT_WINDOW);
        }
        Route route = routes.get(operation);
        if (route != null) {
            return server.send(route.request().apply(key));
        }
        String[] methodAndPath = operation.split(" ", 2);
        String path = methodAndPath[1].replaceAll("\\{[^}]+}", "x");
        return server.send(server.request(path, key).method(methodAndPath[0], HttpRequest.BodyPublishers.noBody()));
    }

    private static final String MAPPING = """
            {"fields": {"agentId": "Agent Email", "contactDate": "Call Start", "contactReference": "Call ID",
                        "audioFilename": "Recording"}}
            """;
    private static final String SAMPLE = """
            Call ID,Agent Email,Call Start,Recording
            c-1,ann@acme.example,2026-03-01T09:27:23+00:00,c-1.wav
            """;

    /** A disabled SFTP connector, so that creating one never starts a run. */
    private static String connectorJson(String name, String host, String password) {
        return "{\"name\": \"" + name + "\", \"protocol\": \"sftp\", \"host\": \"" + host + "\", \"username\": "
                + "\"victim\", \"password\": \"" + password + "\", \"enabled\": false}";
    }

    private static HttpRequest.Builder get(String path, String key) {
        return server.request(path, key).GET();
    }

    private static HttpRequest.Builder json(String method, String path, String key, String json) {
        return body(method, path, key, "application/json", json);
    }

    private static HttpRequest.Builder body(String method, String path, String key, String contentType, String body) {
        return server.request(path, key).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    /** A form with the given fields, then a four-byte recording, as the one-shot and presigned uploads take it. */
    private static HttpRequest.Builder multipart(String path, String key, Map<String, String> fields) {
        String boundary = "callport-access-test";
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append("--").append(boundary).append("\r\nContent-Disposition: form-data;"
                + " name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        form.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"call.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF\r\n--").append(boundary).append("--\r\n");
        return body("POST", path, key, "multipart/form-data; boundary=" + boundary, form.toString());
    }

    private static HttpRequest.Builder tusCreate(String key, String campaignId, int length) {
        String metadata = "filename " + base64("call.wav") + ",campaignId " + base64(campaignId);
        return server.request(UploadRoutes.TUS_PATH, key).header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Length", String.valueOf(length)).header("Upload-Metadata", metadata)
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    private static HttpRequest.Builder tusPatch(String key, String uploadId) {
        return server.request(UploadRoutes.TUS_PATH + "/" + uploadId, key).header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3, 4}));
    }

    private static void put(String path, String key, String json) {
        assertThat(server.put(path, key, json).status()).as("PUT " + path).isEqualTo(200);
    }

    private static String keyIdOf(String secret) {
        List<String> ids = new ArrayList<>();
        server.get("/api/v1/api-keys", server.ownerKey()).json().forEach(key -> {
            if (secret.startsWith(key.get("prefix").asText())) {
                ids.add(key.get("id").asText());
            }
        });
        assertThat(ids).as("keys whose prefix starts " + secret.substring(0, 8)).hasSize(1);
        return ids.getFirst();
    }

    private static String publicKey(String resource) throws IOException {
        try (InputStream in = RouteAccessTest.class.getResourceAsStream("/ssh-keys/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
