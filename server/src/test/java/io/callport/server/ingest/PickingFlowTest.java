package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.callport.server.config.ServerConfig;
import io.callport.server.storage.BlobStoreSettings;
import io.callport.server.store.BatchCounts;
import io.callport.server.store.BatchStatus;
import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.Page;
import io.callport.server.store.PickingRule;
import io.callport.server.store.RowOutcome;
import io.callport.server.store.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A campaign that picks takes in only part of each batch: the picked calls are Completed, the others end Skipped
 * with their recordings, saying why, and the batch completes. On SQLite, and on PostgreSQL when it is reachable.
 */
class PickingFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HEADER = "call_id,agent,date,recording,queue\n";

    @TempDir
    Path dataDir;
    private TestDatabases.Disposable postgres;
    private PipelineServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void halfOfABatchIsTakenInAndTheRestIsSkippedWithTheReason(String database) throws Exception {
        start(database);
        String campaign = server.campaign("{\"name\": \"Sampled\", \"batchWindowSeconds\": 1, \"picking\": \"50%\"}");
        List<String> agents = List.of("478", "bob@example.com", "512");
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            rows.put("call-%02d.wav".formatted(i), "C%d,%s,2026-01-05T09:%02d:00Z,call-%02d.wav,Billing"
                    .formatted(i, agents.get(i % 3), i, i));
        }

        IngestBatch batch = dropAndAwait(campaign, rows);

        List<String> expected = PickingRule.parse("50%").pick(List.copyOf(rows.keySet()), Function.identity(),
                name -> "");
        String reason = "Not picked: the campaign takes in 50% of each batch's calls; 10 of this batch's 20 were "
                + "picked.";
        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(batch.reason()).isEqualTo("10 calls completed, 10 calls not picked.");
        List<Call> calls = server.calls(campaign);
        assertThat(calls).filteredOn(call -> call.status() == CallStatus.COMPLETED).extracting(Call::recordingName)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(calls).filteredOn(call -> call.status() != CallStatus.COMPLETED)
                .hasSize(10).extracting(Call::status, Call::reason, Call::recordingKey, Call::version)
                .containsOnly(tuple(CallStatus.SKIPPED, reason, null, 0));
        assertThat(files(batch)).filteredOn(file -> !expected.contains(file.name()) && file.name().endsWith(".wav"))
                .hasSize(10).extracting(IngestFile::status, IngestFile::reason)
                .containsOnly(tuple(FileStatus.SKIPPED, reason));
        BatchCounts counts = server.pipeline().store().batches().counts(batch.id());
        assertThat(counts.rows()).as("every row made its call").containsOnly(entry(RowOutcome.COMPLETED, 20L));
        assertThat(counts.recordingsNotPicked()).isEqualTo(10);
        assertThat(storedRecordings()).as("recordings left out are not stored").hasSize(10);
        Path folder = campaignDir(campaign);
        assertThat(folder.resolve(notPicked(rows, expected).getFirst())).as("a skipped recording stays where it landed")
                .exists();

        String again = server.campaign("{\"name\": \"Sampled again\", \"batchWindowSeconds\": 1, "
                + "\"picking\": \"50%\"}");
        dropAndAwait(again, rows);
        assertThat(server.calls(again)).as("the same batch gives the same choice")
                .filteredOn(call -> call.status() == CallStatus.COMPLETED).extracting(Call::recordingName)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void twoPerAgentTakesEachAgentsEarliestCalls(String database) throws Exception {
        start(database);
        String campaign = server.campaign("{\"name\": \"Per agent\", \"batchWindowSeconds\": 1, "
                + "\"picking\": \"2 per agent\"}");
        Map<String, String> rows = new LinkedHashMap<>();
        // the rows are not in time order: the earliest calls of each agent are picked, not the first rows
        rows.put("ann-1.wav", "A1,478,2026-01-05T11:00:00Z,ann-1.wav,Billing");
        rows.put("ann-2.wav", "A2,478,2026-01-05T08:00:00Z,ann-2.wav,Billing");
        rows.put("ann-3.wav", "A3,478,2026-01-05T10:00:00Z,ann-3.wav,Billing");
        rows.put("ann-4.wav", "A4,478,2026-01-05T09:00:00Z,ann-4.wav,Billing");
        rows.put("bob-1.wav", "B1,bob@example.com,2026-01-05T12:00:00Z,bob-1.wav,Sales");
        rows.put("bob-2.wav", "B2,bob@example.com,2026-01-05T08:30:00Z,bob-2.wav,Sales");
        rows.put("bob-3.wav", "B3,bob@example.com,2026-01-05T09:30:00Z,bob-3.wav,Sales");
        rows.put("cy-1.wav", "Y1,512,2026-01-05T07:00:00Z,cy-1.wav,Sales");

        IngestBatch batch = dropAndAwait(campaign, rows);

        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(batch.reason()).isEqualTo("5 calls completed, 3 calls not picked.");
        assertThat(server.calls(campaign)).filteredOn(call -> call.status() == CallStatus.COMPLETED)
                .extracting(Call::contactReference).containsExactlyInAnyOrder("A2", "A4", "B2", "B3", "Y1");
        assertThat(server.calls(campaign)).filteredOn(call -> call.status() == CallStatus.SKIPPED)
                .extracting(Call::contactReference, Call::reason).containsExactlyInAnyOrder(
                        tuple("A1", annReason()), tuple("A3", annReason()),
                        tuple("B1", "Not picked: the campaign takes in at most 2 calls per agent from each batch, "
                                + "and the agent bob@example.com already has 2 in this one."));
        assertThat(files(batch)).filteredOn(file -> file.name().equals("ann-1.wav")).singleElement()
                .extracting(IngestFile::status, IngestFile::reason).containsExactly(FileStatus.SKIPPED, annReason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite"})
    void withoutACsvTheAgentComesFromTheFileNameAndASkippedCallCanBeTakenInLater(String database) throws Exception {
        start(database);
        String campaign = server.campaign("{\"name\": \"Names\", \"csvRequired\": false, \"batchWindowSeconds\": 1, "
                + "\"picking\": \"1 per agent\"}");
        server.mapping(campaign, """
                {"fields": {"agentId": "agent", "contactDate": "date", "contactReference": "call_id"},
                 "fileNameConvention": {"pattern": "yyyyMMdd-HHmmss_direction_uid"}}
                """);
        Map<String, byte[]> recordings = new LinkedHashMap<>();
        for (String name : List.of("20260105-083700_outbound_478.wav", "20260105-091500_inbound_478.wav",
                "20260105-100000_inbound_512.wav")) {
            recordings.put(name, Recordings.wav(300 + recordings.size() * 10));
        }

        IngestBatch batch = drop(campaign, recordings);

        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(server.calls(campaign)).extracting(Call::contactReference, Call::status).containsExactlyInAnyOrder(
                tuple("20260105-083700_outbound_478", CallStatus.COMPLETED),
                tuple("20260105-091500_inbound_478", CallStatus.SKIPPED),
                tuple("20260105-100000_inbound_512", CallStatus.COMPLETED));
        Call skipped = server.calls(campaign).stream().filter(call -> call.status() == CallStatus.SKIPPED)
                .findFirst().orElseThrow();
        assertThat(skipped.reason()).isEqualTo("Not picked: the campaign takes in at most 1 call per agent from each "
                + "batch, and the agent 478 already has 1 in this one.");

        assertThat(server.http().post("/api/v1/calls/" + skipped.id() + "/reprocess", server.ownerKey(), "")
                .status()).isEqualTo(202);
        Call taken = PipelineServer.await(() -> server.calls(campaign).stream()
                .filter(call -> call.id().equals(skipped.id()) && call.status() == CallStatus.COMPLETED).findFirst()
                .orElse(null), WAIT, () -> "the reprocessed call: " + server.calls(campaign));
        assertThat(taken.version()).isEqualTo(1);
        PipelineServer.await(() -> server.batches(campaign).getFirst().reason().equals("3 calls completed.") ? true
                : null, WAIT, () -> "the batch to count the call taken in: " + server.batches(campaign));
    }

    private static String annReason() {
        return "Not picked: the campaign takes in at most 2 calls per agent from each batch, and the agent 478 "
                + "already has 2 in this one.";
    }

    private void start(String database) throws IOException {
        ServerConfig config = ServerConfig.embedded(dataDir).withPorts(0, 0);
        if (database.equals("postgres")) {
            Assumptions.assumeTrue(TestDatabases.postgresAvailable(), "PostgreSQL is not reachable: set "
                    + TestDatabases.PG_URL_VARIABLE);
            postgres = TestDatabases.postgres();
            config = config.withDatabase(postgres.url(), null, null);
        }
        server = PipelineServer.start(config, PipelineServer.fast(), Clock.systemUTC());
        server.agent("478", null, "Ann Lee");
        server.agent(null, "bob@example.com", "Bob Stone");
        server.agent("512", null, "Cy Young");
    }

    /** The recordings (generated) and a CSV of the rows, put into the folder together so they form one batch. */
    private IngestBatch dropAndAwait(String campaign, Map<String, String> rowsByRecording) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        int length = 300;
        for (String name : rowsByRecording.keySet()) {
            files.put(name, Recordings.wav(length += 10));
        }
        files.put("calls.csv", (HEADER + String.join("\n", rowsByRecording.values()) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return drop(campaign, files);
    }

    private IngestBatch drop(String campaign, Map<String, byte[]> files) throws IOException {
        Path folder = Files.createDirectories(campaignDir(campaign));
        Path staging = Files.createDirectories(dataDir.resolve("staging"));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            // written aside and moved in whole: the folder watcher never sees a file half written
            Files.move(Files.write(staging.resolve(file.getKey()), file.getValue()), folder.resolve(file.getKey()),
                    StandardCopyOption.ATOMIC_MOVE);
        }
        List<IngestBatch> batches = server.awaitBatchesFinal(campaign, WAIT);
        assertThat(batches).hasSize(1);
        return batches.getFirst();
    }

    private List<IngestFile> files(IngestBatch batch) {
        return server.pipeline().store().files().inBatch(batch.id(), null, new Page(100, 0));
    }

    private Path campaignDir(String campaign) {
        return server.landingRoot().resolve(server.folder(campaign).orgFolder())
                .resolve(server.folder(campaign).campaignFolder());
    }

    private List<Path> storedRecordings() throws IOException {
        Path blobs = dataDir.resolve(BlobStoreSettings.LOCAL_FOLDER);
        try (Stream<Path> stored = Files.walk(blobs)) {
            return stored.filter(Files::isRegularFile).filter(file -> !blobs.relativize(file).startsWith(".incoming"))
                    .toList();
        }
    }

    private static List<String> notPicked(Map<String, String> rows, List<String> picked) {
        return rows.keySet().stream().filter(name -> !picked.contains(name)).toList();
    }
}
