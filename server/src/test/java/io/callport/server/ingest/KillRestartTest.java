package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.server.config.ServerConfig;
import io.callport.server.storage.BlobStoreSettings;
import io.callport.server.store.PickingRule;
import io.callport.server.store.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server runs in its own JVM and is killed with SIGKILL at random moments while it takes in a batch, 10 times,
 * and started again each time (issue 8). At each kill, so for the work of every restarted server, nothing has been
 * done twice and every row read has one outcome; at the end every call is ingested exactly once (one call, one
 * version, one stored recording per row) and every row is accounted for: completed, failed with its reason, or still
 * waiting for its recording. The tables are read from outside the server and the calls through its API.
 *
 * <p>The moments come from a seeded {@link KillPlan}; the seed is printed and {@code -Dcallport.kill.seed=N}
 * replays it. CI runs 1,000 calls; {@code -Dcallport.kill.calls=10000} is the long form (docs/pipeline.md) and
 * {@code -Dcallport.kill.kills} changes the number of kills. Runs on SQLite, and on PostgreSQL when
 * {@code CALLPORT_TEST_PG_URL} answers.
 */
class KillRestartTest {
    private static final int CALLS = Integer.getInteger("callport.kill.calls", 1_000);
    private static final int PICKED_FROM = 1_000;
    private static final int KILLS = Integer.getInteger("callport.kill.kills", 10);
    private static final int BAD_ROWS = Math.max(1, CALLS / 50);
    private static final int MISSING_RECORDINGS = Math.max(1, CALLS / 200);
    private static final long LEASE_MILLIS = 3_000;
    /** The last kill falls before this share of the progress, so every kill finds work in flight. */
    private static final double KILLS_REACH = 0.95;
    private static final Duration LONGEST_EXTRA_DELAY = Duration.ofMillis(150);
    /** How long the batch may make no progress at all before the test gives up on it. */
    private static final Duration STALL_LIMIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private String key;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aServerKilledAtRandomMomentsIngestsEveryCallExactlyOnce(String database) throws Exception {
        boolean postgres = database.equals("postgresql");
        Assumptions.assumeTrue(!postgres || TestDatabases.postgresAvailable(), "PostgreSQL is not reachable: set "
                + TestDatabases.PG_URL_VARIABLE);
        long seed = Long.getLong("callport.kill.seed", new SecureRandom().nextLong());
        KillPlan plan = KillPlan.draw(seed, KILLS, KILLS_REACH, LONGEST_EXTRA_DELAY);
        System.out.printf("KillRestartTest on %s: %d calls, %d kills, seed %d (replay: -Dcallport.kill.seed=%d)%n",
                database, CALLS, KILLS, seed, seed);
        Path dataDir = dir.resolve("data");
        try (TestDatabases.Disposable schema = postgres ? TestDatabases.postgres() : null) {
            String serverDatabase = postgres ? schema.url() : "sqlite";
            String readUrl = postgres ? schema.url() : ServerConfig.sqliteUrl(dataDir);
            run(plan, dataDir, serverDatabase, readUrl);
        }
    }

    private void run(KillPlan plan, Path dataDir, String serverDatabase, String readUrl) throws Exception {
        Path log = dir.resolve("child.log");
        ChildServer server = ChildServer.launch(dataDir, serverDatabase, LEASE_MILLIS, log);
        int port = server.httpPort();
        try (Connection db = DriverManager.getConnection(readUrl)) {
            IngestLedger ledger = new IngestLedger(db);
            key = Files.readString(dataDir.resolve("initial-owner-key.txt")).strip();
            JsonNode campaign = send(port, "POST", "/api/v1/campaigns",
                    "{\"name\": \"Sales\", \"csvRequired\": true, \"batchWindowSeconds\": 1}");
            String campaignId = campaign.get("id").asText();
            send(port, "PUT", "/api/v1/campaigns/" + campaignId + "/mapping", PipelineServer.MAPPING);
            send(port, "POST", "/api/v1/agents", "{\"externalId\": \"478\", \"name\": \"Ann Lee\"}");
            String folder = campaign.get("folder").asText();
            CompletableFuture<Void> dropped = CompletableFuture.runAsync(() -> drop(dataDir, folder));

            long total = (CALLS + 1) + (CALLS + BAD_ROWS + MISSING_RECORDINGS) + CALLS;
            for (int i = 0; i < plan.kills().size(); i++) {
                KillPlan.Kill kill = plan.kills().get(i);
                // the process to kill does some work of its own first, also when the last one got past the plan
                long target = Math.min(total, Math.max((long) Math.ceil(kill.progress() * total),
                        ledger.progress().sum() + 1));
                awaitProgress(ledger, target, log);
                Thread.sleep(kill.delay());
                IngestLedger.Progress at = ledger.progress();
                server.kill();
                System.out.printf(Locale.ROOT, "kill %d/%d at %.0f%% (planned %.0f%% + %d ms): %d/%d files recorded, "
                                + "%d/%d rows read, %d/%d calls completed%n", i + 1, plan.kills().size(),
                        100.0 * at.sum() / total, 100 * kill.progress(), kill.delay().toMillis(), at.files(),
                        CALLS + 1, at.rows(), CALLS + BAD_ROWS + MISSING_RECORDINGS, at.completedCalls(), CALLS);
                ledger.assertNothingDoubled();
                server = ChildServer.launch(dataDir, serverDatabase, LEASE_MILLIS, log);
            }
            dropped.join();
            awaitProgress(ledger, total, log);
            JsonNode finished = awaitBatch(server.httpPort(),
                    batch -> batch.path("status").asText().equals("WAITING_FOR_FILES"));
            assertEveryCallOnceAndEveryRowAccountedFor(ledger, finished, server.httpPort(), campaignId);
            assertThat(workLeftOnceDrained(ledger)).as("work left").isEmpty();
        } finally {
            server.close();
        }
        Path blobs = dataDir.resolve(BlobStoreSettings.LOCAL_FOLDER);
        try (Stream<Path> stored = Files.walk(blobs)) {
            assertThat(stored.filter(Files::isRegularFile)
                    .filter(file -> !blobs.relativize(file).startsWith(".incoming")).count())
                    .as("recordings stored").isEqualTo(CALLS);
        }
    }

    @Test
    void aServerKilledWhilePickingABatchTakesInTheSameHalfExactlyOnce() throws Exception {
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("child.log");
        List<String> names = IntStream.range(0, PICKED_FROM).mapToObj("call-%05d.wav"::formatted).toList();
        try (ChildServer first = ChildServer.launch(dataDir, "sqlite", LEASE_MILLIS, log)) {
            int port = first.httpPort();
            key = Files.readString(dataDir.resolve("initial-owner-key.txt")).strip();
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
        try (ChildServer second = ChildServer.launch(dataDir, "sqlite", LEASE_MILLIS, log)) {
            String batchId = awaitBatch(second.httpPort(), batch -> batch.path("status").asText().equals("COMPLETED"))
                    .path("id").asText();
            finished = send(second.httpPort(), "GET", "/api/v1/batches/" + batchId, null);
        }

        int half = PICKED_FROM / 2;
        assertThat(finished.path("reason").asText()).isEqualTo(half + " calls completed, " + half
                + " calls not picked.");
        List<String> expected = PickingRule.parse("50%").pick(names, Function.identity(), name -> "");
        try (Connection db = DriverManager.getConnection(ServerConfig.sqliteUrl(dataDir))) {
            IngestLedger ledger = new IngestLedger(db);
            assertThat(strings(db, "SELECT recording_name FROM calls WHERE status = 'COMPLETED' AND version = 1"))
                    .as("the batch's rule chose them, whatever the kill interrupted")
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(ledger.count("SELECT COUNT(*) FROM calls WHERE status = 'SKIPPED' AND recording_key IS NULL"))
                    .isEqualTo(half);
            assertThat(ledger.count("SELECT COUNT(*) FROM call_versions")).as("one version per call").isEqualTo(half);
            assertThat(ledger.count("SELECT COUNT(*) FROM ingest_files WHERE status = 'SKIPPED' AND not_picked = TRUE"))
                    .isEqualTo(half);
            assertThat(ledger.count("SELECT COUNT(*) FROM csv_rows WHERE outcome = 'COMPLETED'")).isEqualTo(PICKED_FROM);
            assertThat(ledger.count("SELECT COUNT(*) FROM work_items")).isZero();
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
        Path folder = Files.createDirectories(dataDir.resolve(Pipeline.LANDING_FOLDER).resolve("default")
                .resolve(campaignFolder));
        Files.move(drop, folder.resolve("drop"), StandardCopyOption.ATOMIC_MOVE);
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

    private void assertEveryCallOnceAndEveryRowAccountedFor(IngestLedger ledger, JsonNode batch, int port,
                                                            String campaignId) throws Exception {
        ledger.assertNothingDoubled();
        JsonNode rows = batch.path("counts").path("rows");
        assertThat(batch.path("counts").path("calls").path("COMPLETED").asLong()).isEqualTo(CALLS);
        assertThat(rows.path("COMPLETED").asLong()).isEqualTo(CALLS);
        assertThat(rows.path("FAILED").asLong()).isEqualTo(BAD_ROWS);
        assertThat(rows.path("WAITING").asLong()).isEqualTo(MISSING_RECORDINGS);
        assertThat(ledger.count("SELECT COUNT(*) FROM csv_rows")).isEqualTo(CALLS + BAD_ROWS + MISSING_RECORDINGS);
        assertThat(ledger.count("SELECT COUNT(*) FROM csv_rows WHERE outcome = 'FAILED' AND reason LIKE "
                + "'DATE_UNPARSABLE: %'")).isEqualTo(BAD_ROWS);
        assertThat(ledger.count("SELECT COUNT(*) FROM ingest_files WHERE kind = 'RECORDING' AND status = 'COMPLETED'"))
                .isEqualTo(CALLS);
        assertThat(ledger.count("SELECT COUNT(*) FROM ingest_files")).as("each file recorded once")
                .isEqualTo(CALLS + 1);

        Set<String> completed = new HashSet<>();
        Set<String> waiting = new HashSet<>();
        for (Integer offset = 0; offset != null; ) {
            JsonNode page = send(port, "GET", "/api/v1/calls?campaignId=" + campaignId + "&limit=1000&offset=" + offset,
                    null);
            for (JsonNode call : page.path("items")) {
                String reference = call.path("contactReference").asText();
                assertThat(completed.contains(reference) || waiting.contains(reference)).as("listed twice: " + reference)
                        .isFalse();
                if (call.path("status").asText().equals("COMPLETED")) {
                    assertThat(call.path("version").asInt()).as(reference).isEqualTo(1);
                    assertThat(call.path("recordingStored").asBoolean()).as(reference).isTrue();
                    completed.add(reference);
                } else {
                    assertThat(call.path("status").asText()).as(reference).isEqualTo("PENDING");
                    assertThat(call.path("waitingUntil").isNull()).as(reference).isFalse();
                    waiting.add(reference);
                }
            }
            offset = page.path("nextOffset").isNull() ? null : page.path("nextOffset").asInt();
        }
        assertThat(completed).hasSize(CALLS).contains("C0", "C" + (CALLS - 1));
        assertThat(waiting).hasSize(MISSING_RECORDINGS).contains("M0");
    }

    /** Recordings first, then a CSV naming them, each moved into the campaign folder whole. */
    private void drop(Path dataDir, String campaignFolder) {
        try {
            Path staging = Files.createDirectories(dir.resolve("staging"));
            Path folder = Files.createDirectories(dataDir.resolve(Pipeline.LANDING_FOLDER).resolve("default")
                    .resolve(campaignFolder));
            StringBuilder csv = new StringBuilder("call_id,agent,date,recording,queue\n");
            for (int i = 0; i < CALLS; i++) {
                String name = "call-%05d.wav".formatted(i);
                Path staged = staging.resolve(name);
                Files.write(staged, Recordings.numbered(i));
                Files.move(staged, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                csv.append("C").append(i).append(",478,2026-01-05T09:00:00Z,").append(name).append(",Billing\n");
            }
            for (int i = 0; i < BAD_ROWS; i++) {
                csv.append("B").append(i).append(",478,05/01/2026,call-00000.wav,Billing\n");
            }
            for (int i = 0; i < MISSING_RECORDINGS; i++) {
                csv.append("M").append(i).append(",478,2026-01-05T09:00:00Z,missing-").append(i)
                        .append(".wav,Billing\n");
            }
            Path staged = staging.resolve("calls.csv");
            Files.writeString(staged, csv, StandardCharsets.UTF_8);
            Files.move(staged, folder.resolve("calls.csv"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until the progress reaches the target; fails if it stops moving for {@link #STALL_LIMIT}. */
    private static void awaitProgress(IngestLedger ledger, long target, Path log) throws Exception {
        long last = -1;
        long movedAt = System.nanoTime();
        while (true) {
            long now = ledger.progress().sum();
            if (now >= target) {
                return;
            }
            if (now != last) {
                last = now;
                movedAt = System.nanoTime();
            } else if (System.nanoTime() - movedAt > STALL_LIMIT.toNanos()) {
                throw new AssertionError("The batch stopped at " + ledger.progress() + " short of " + target
                        + "; see " + log);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits until the batch holding the CSV satisfies the condition and returns it. On a busy machine the
     * recordings may arrive slower than the one-second batch window and form batches of their own before it.
     */
    private JsonNode awaitBatch(int port, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + STALL_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode batch : send(port, "GET", "/api/v1/batches", null).path("items")) {
                if (!batch.path("counts").path("rows").isEmpty() && condition.test(batch)) {
                    return batch;
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

    /**
     * The queued work, once the queue has emptied or half a minute has passed: a refresh the last calls asked for
     * may still be due when the batch already shows its final status.
     */
    private static List<String> workLeftOnceDrained(IngestLedger ledger) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> left;
        while (!(left = ledger.texts("SELECT kind || ' ' || subject_id || ' due ' || run_after || ' asked '"
                + " || requests || ' by ' || COALESCE(claimed_by, '-') FROM work_items")).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return left;
    }
}
