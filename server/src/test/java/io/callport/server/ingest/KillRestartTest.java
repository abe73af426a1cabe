package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.server.storage.BlobStoreSettings;
import io.callport.server.store.PickingRule;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server runs in its own JVM and is killed with SIGKILL twice in the middle of a batch, then started again:
 * every call is ingested exactly once (one call, one version, one stored recording per row) and every row is
 * accounted for (completed, failed with its reason, or still waiting for its recording). A campaign that picks
 * takes in the same calls after a kill as it would have without.
 */
class KillRestartTest {
    private static final int RECORDINGS = 1_500;
    private static final int BAD_ROWS = 20;
    private static final int MISSING_RECORDINGS = 5;
    private static final int PICKED_FROM = 1_000;
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

    @Test
    void aServerKilledWhilePickingABatchTakesInTheSameHalfExactlyOnce() throws Exception {
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("child.log");
        List<String> names = IntStream.range(0, PICKED_FROM).mapToObj("call-%05d.wav"::formatted).toList();
        try (ChildServer first = ChildServer.start(dataDir, "sqlite", LEASE_MILLIS, log)) {
            key = Files.readString(dataDir.resolve("initial-owner-key.txt")).strip();
            int port = first.httpPort();
            JsonNode campaign = send(port, "POST", "/api/v1/campaigns",
                    "{\"name\": \"Sampled\", \"batchWindowSeconds\": 5, \"picking\": \"50%\"}");
            send(port, "PUT", "/api/v1/campaigns/" + campaign.get("id").asText() + "/mapping", PipelineServer.MAPPING);
            send(port, "POST", "/api/v1/agents", "{\"externalId\": \"478\", \"name\": \"Ann Lee\"}");
            dropAtOnce(dataDir, campaign.get("folder").asText(), names);

            // the batch's rows are being read: its calls wait for the batch's picking, or were just picked
            awaitBatch(port, batch -> batch.path("counts").path("rows").path("WAITING").asLong() > 0);
            first.kill();
        }
        JsonNode finished;
        try (ChildServer second = ChildServer.start(dataDir, "sqlite", LEASE_MILLIS, log)) {
            String batchId = awaitBatch(second.httpPort(), batch -> batch.path("status").asText().equals("COMPLETED"));
            finished = send(second.httpPort(), "GET", "/api/v1/batches/" + batchId, null);
        }

        int half = PICKED_FROM / 2;
        assertThat(finished.path("reason").asText()).isEqualTo(half + " calls completed, " + half
                + " calls not picked.");
        List<String> expected = PickingRule.parse("50%").pick(names, Function.identity(), name -> "");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("callport.db"))) {
            assertThat(strings(db, "SELECT recording_name FROM calls WHERE status = 'COMPLETED' AND version = 1"))
                    .as("the batch's rule chose them, whatever the kill interrupted")
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(count(db, "SELECT COUNT(*) FROM calls WHERE status = 'SKIPPED' AND recording_key IS NULL"))
                    .isEqualTo(half);
            assertThat(count(db, "SELECT COUNT(*) FROM call_versions")).as("one version per call").isEqualTo(half);
            assertThat(count(db, "SELECT COUNT(*) FROM ingest_files WHERE status = 'SKIPPED' AND not_picked = TRUE"))
                    .isEqualTo(half);
            assertThat(count(db, "SELECT COUNT(*) FROM csv_rows WHERE outcome = 'COMPLETED'")).isEqualTo(PICKED_FROM);
            assertThat(count(db, "SELECT COUNT(*) FROM work_items")).isZero();
        }
        Path blobs = dataDir.resolve(BlobStoreSettings.LOCAL_FOLDER);
        try (Stream<Path> stored = Files.walk(blobs)) {
            assertThat(stored.filter(Files::isRegularFile)
                    .filter(file -> !blobs.relativize(file).startsWith(".incoming")).count()).isEqualTo(half);
        }
    }

    /**
     * The recordings and their CSV made in a folder beside the campaign's, which is then moved into it whole, so
     * the folder scan finds them all at once and they form one batch.
     */
    private void dropAtOnce(Path dataDir, String campaignFolder, List<String> names) throws IOException {
        Path drop = Files.createDirectories(dir.resolve("drop"));
        StringBuilder csv = new StringBuilder("call_id,agent,date,recording,queue\n");
        for (int i = 0; i < names.size(); i++) {
            Files.write(drop.resolve(names.get(i)), Recordings.wav(100 + i));
            csv.append("C").append(i).append(",478,2026-01-05T09:00:00Z,").append(names.get(i)).append(",Billing\n");
        }
        Files.writeString(drop.resolve("calls.csv"), csv, StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(dataDir.resolve("landing").resolve("default").resolve(campaignFolder));
        Files.move(drop, folder.resolve("drop"), StandardCopyOption.ATOMIC_MOVE);
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

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
