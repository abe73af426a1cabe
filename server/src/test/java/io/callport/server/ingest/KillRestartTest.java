package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.server.storage.BlobStoreSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server runs in its own JVM and is killed with SIGKILL twice in the middle of a batch, then started again:
 * every call is ingested exactly once (one call, one version, one stored recording per row) and every row is
 * accounted for (completed, failed with its reason, or still waiting for its recording).
 */
class KillRestartTest {
    private static final int RECORDINGS = 1_500;
    private static final int BAD_ROWS = 20;
    private static final int MISSING_RECORDINGS = 5;
    private static final long LEASE_MILLIS = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private String key;

    @Test
    void aServerKilledTwiceMidBatchIngestsEveryCallExactlyOnce() throws Exception {
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("child.log");
        String batchId;
        try (ChildServer first = ChildServer.start(dataDir, "sqlite", LEASE_MILLIS, log)) {
            key = Files.readString(dataDir.resolve("initial-owner-key.txt")).strip();
            int port = first.httpPort();
            JsonNode campaign = send(port, "POST", "/api/v1/campaigns",
                    "{\"name\": \"Sales\", \"csvRequired\": true, \"batchWindowSeconds\": 1}");
            String campaignId = campaign.get("id").asText();
            send(port, "PUT", "/api/v1/campaigns/" + campaignId + "/mapping", PipelineServer.MAPPING);
            send(port, "POST", "/api/v1/agents", "{\"externalId\": \"478\", \"name\": \"Ann Lee\"}");
            drop(dataDir, campaign.get("folder").asText());

            batchId = awaitBatch(port, batch -> batch.path("counts").path("calls").path("COMPLETED").asLong() > 0);
            first.kill();
        }
        try (ChildServer second = ChildServer.start(dataDir, "sqlite", LEASE_MILLIS, log)) {
            awaitBatch(second.httpPort(), batch -> batch.path("counts").path("calls").path("COMPLETED").asLong()
                    >= RECORDINGS / 2);
            second.kill();
        }
        JsonNode finished;
        try (ChildServer third = ChildServer.start(dataDir, "sqlite", LEASE_MILLIS, log)) {
            awaitBatch(third.httpPort(), batch -> batch.path("status").asText().equals("WAITING_FOR_FILES"));
            finished = send(third.httpPort(), "GET", "/api/v1/batches/" + batchId, null);
        }

        assertThat(finished.path("counts").path("calls").path("COMPLETED").asLong()).isEqualTo(RECORDINGS);
        assertThat(finished.path("counts").path("rows").path("COMPLETED").asLong()).isEqualTo(RECORDINGS);
        assertThat(finished.path("counts").path("rows").path("FAILED").asLong()).isEqualTo(BAD_ROWS);
        assertThat(finished.path("counts").path("rows").path("WAITING").asLong()).isEqualTo(MISSING_RECORDINGS);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("callport.db"))) {
            assertThat(count(db, "SELECT COUNT(*) FROM csv_rows")).isEqualTo(RECORDINGS + BAD_ROWS + MISSING_RECORDINGS);
            assertThat(count(db, "SELECT COUNT(*) FROM calls")).isEqualTo(RECORDINGS + MISSING_RECORDINGS);
            assertThat(count(db, "SELECT COUNT(*) FROM call_versions")).as("one version per call").isEqualTo(RECORDINGS);
            assertThat(count(db, "SELECT COUNT(*) FROM calls WHERE status = 'COMPLETED' AND version = 1"))
                    .isEqualTo(RECORDINGS);
            assertThat(count(db, "SELECT COUNT(*) FROM csv_rows WHERE outcome = 'FAILED' AND reason LIKE "
                    + "'DATE_UNPARSABLE: %'")).isEqualTo(BAD_ROWS);
            assertThat(count(db, "SELECT COUNT(*) FROM ingest_files WHERE kind = 'RECORDING' AND status = 'COMPLETED'"))
                    .isEqualTo(RECORDINGS);
            assertThat(count(db, "SELECT COUNT(*) FROM ingest_files")).as("each file recorded once")
                    .isEqualTo(RECORDINGS + 1);
            assertThat(count(db, "SELECT COUNT(*) FROM work_items")).isZero();
        }
        Path blobs = dataDir.resolve(BlobStoreSettings.LOCAL_FOLDER);
        try (Stream<Path> stored = Files.walk(blobs)) {
            assertThat(stored.filter(Files::isRegularFile)
                    .filter(file -> !blobs.relativize(file).startsWith(".incoming")).count()).isEqualTo(RECORDINGS);
        }
    }

    /** Recordings first, then a CSV naming them, each moved into the campaign folder whole. */
    private void drop(Path dataDir, String campaignFolder) throws IOException {
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path folder = Files.createDirectories(dataDir.resolve("landing").resolve("default").resolve(campaignFolder));
        StringBuilder csv = new StringBuilder("call_id,agent,date,recording,queue\n");
        for (int i = 0; i < RECORDINGS; i++) {
            String name = "call-%05d.wav".formatted(i);
            Path staged = staging.resolve(name);
            Files.write(staged, Recordings.wav(100 + i));
            Files.move(staged, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            csv.append("C").append(i).append(",478,2026-01-05T09:00:00Z,").append(name).append(",Billing\n");
        }
        for (int i = 0; i < BAD_ROWS; i++) {
            csv.append("B").append(i).append(",478,05/01/2026,call-00000.wav,Billing\n");
        }
        for (int i = 0; i < MISSING_RECORDINGS; i++) {
            csv.append("M").append(i).append(",478,2026-01-05T09:00:00Z,missing-").append(i).append(".wav,Billing\n");
        }
        Path staged = staging.resolve("calls.csv");
        Files.writeString(staged, csv, StandardCharsets.UTF_8);
        Files.move(staged, folder.resolve("calls.csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Waits until the batch holding the CSV satisfies the condition; returns its id. On a busy machine the
     * recordings may arrive slower than the one-second batch window and form batches of their own before it.
     */
    private String awaitBatch(int port, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode batch : send(port, "GET", "/api/v1/batches", null).path("items")) {
                if (!batch.path("counts").path("rows").isEmpty() && condition.test(batch)) {
                    return batch.get("id").asText();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The batch did not get there: " + send(port, "GET", "/api/v1/batches", null));
    }

    private JsonNode send(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
