package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callport.server.StandardExtensions;
import io.callport.server.TestServer;
import io.callport.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics and /api/v1/openapi.json. */
class OperationsApiTest {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static String key;

    @BeforeAll
    static void start() {
        // the production set of extensions, so every route a real server answers must be documented
        server = TestServer.start(ServerConfig.embedded(dataDir).withPorts(0, 0), StandardExtensions.all());
        key = server.ownerKey();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void metricsCountRequestsByRouteTemplateAndStatus() {
        String campaign = server.createCampaign("Metered");
        server.get("/api/v1/campaigns/" + campaign, key);
        server.get("/api/v1/campaigns/cmp_missing", key);
        server.get("/api/v1/campaigns/cmp_missing", key);
        server.get("/api/v1/unknown/path", key);

        TestServer.Response metrics = server.get("/metrics", key);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        List<String> lines = metrics.body().lines().toList();
        assertThat(lines).contains(
                "# TYPE callport_http_requests_total counter",
                "callport_http_requests_total{method=\"GET\",route=\"/api/v1/campaigns/{id}\",status=\"200\"} 1",
                "callport_http_requests_total{method=\"GET\",route=\"/api/v1/campaigns/{id}\",status=\"404\"} 2",
                "callport_http_requests_total{method=\"POST\",route=\"/api/v1/campaigns\",status=\"201\"} 1",
                "callport_http_requests_total{method=\"GET\",route=\"unrouted\",status=\"404\"} 1",
                "callport_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/campaigns/{id}\"} 3",
                "callport_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/campaigns/{id}\",le=\"+Inf\"} 3",
                "# TYPE jvm_memory_heap_used_bytes gauge",
                "# TYPE process_uptime_seconds gauge");
        assertThat(lines).anyMatch(line -> line.matches("jvm_memory_heap_used_bytes [0-9]+"));
        assertThat(lines).anyMatch(line -> line.matches("process_uptime_seconds [0-9.]+"));
        assertThat(lines).anyMatch(line -> line.startsWith("callport_build_info{version=\""));
        assertThat(metrics.body()).doesNotContain("cmp_missing").doesNotContain("unknown/path");
    }

    @Test
    void madeUpMethodsShareOneMetricSeries() {
        server.send(server.request("/api/v1/campaigns", key).method("BREW", java.net.http.HttpRequest.BodyPublishers.noBody()));
        server.send(server.request("/api/v1/campaigns", key).method("WHEN", java.net.http.HttpRequest.BodyPublishers.noBody()));

        String metrics = server.get("/metrics", key).body();

        assertThat(metrics).doesNotContain("BREW").doesNotContain("WHEN").contains("method=\"OTHER\"");
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheRegisteredRoutes() {
        TestServer.Response response = server.get("/api/v1/openapi.json", key);

        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.at("/info/version").asText()).isNotBlank().isNotEqualTo("filled in at runtime");
        List<String> documented = new java.util.ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (!method.equals("parameters")) {
                documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(server.server().httpOperations());
        assertThat(server.server().httpOperations()).contains("POST /api/v1/campaigns", "PUT /api/v1/campaigns/{id}/mapping",
                "GET /api/v1/campaigns/{id}/mapping/versions", "POST /api/v1/campaigns/{id}/mapping/sample",
                "POST /api/v1/api-keys", "DELETE /api/v1/api-keys/{id}", "POST /api/v1/ssh-keys",
                "DELETE /api/v1/ssh-keys/{id}", "POST /api/v1/agents/import",
                "PUT /api/v1/campaigns/{id}/agent-creation", "POST /api/v1/users", "GET /health", "GET /metrics",
                "POST /api/v1/calls/upload", "POST /api/v1/uploads/presign", "POST /api/v1/tus",
                "PATCH /api/v1/tus/{uploadId}");
    }

    @Test
    void everyReferenceInTheDocumentResolves() {
        JsonNode document = server.get("/api/v1/openapi.json", key).json();

        List<String> references = document.findValuesAsText("$ref");

        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            assertThat(reference).startsWith("#/");
            assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
        });
    }
}
