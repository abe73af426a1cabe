package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callport.server.TestServer;
import io.callport.server.ingest.PipelineServer;
import io.callport.server.ingest.Recordings;
import io.callport.server.store.BatchStatus;
import io.callport.server.store.Call;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's routes over real HTTP: batches, files, calls with filters and versions, reprocessing, events. */
class PipelineApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HEADER = "call_id,agent,date,recording,queue\n";

    @TempDir
    Path dataDir;
    PipelineServer server;
    TestServer http;
    String sales;
    String support;

    @BeforeEach
    void start() throws Exception {
        server = PipelineServer.start(dataDir);
        http = server.http();
        server.agent("478", null, "Ann Lee");
        server.agent("479", null, "Bob Stone");
        sales = server.campaign("Sales", true, 1);
        support = server.campaign("Support", true, 1);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void ingest(String campaign, String... rows) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows.length; i++) {
            String[] cells = rows[i].split(",");
            server.land(campaign, cells[3], Recordings.wav(300 + 10 * i + campaign.hashCode() % 7));
            csv.append(rows[i]).append('\n');
        }
        server.land(campaign, "calls-" + System.nanoTime() + ".csv", csv.toString());
        server.awaitBatchesFinal(campaign, WAIT);
    }

    @Test
    void batchesAndTheirFilesCanBeListedByCampaignAndStatus() throws Exception {
        ingest(sales, "S1,478,2026-01-05T09:00:00Z,s1.wav,Billing", "S2,479,2026-01-06T09:00:00Z,s2.wav,Billing");
        ingest(support, "T1,478,2026-01-05T09:00:00Z,t1.wav,Help");

        JsonNode all = get("/api/v1/batches", server.ownerKey());
        JsonNode salesOnly = get("/api/v1/batches?campaignId=" + sales + "&status=completed", server.ownerKey());
        TestServer.Response badStatus = http.get("/api/v1/batches?status=DONE", server.ownerKey());

        assertThat(all.get("items")).hasSize(2);
        assertThat(all.get("nextOffset").isNull()).isTrue();
        JsonNode batch = salesOnly.get("items").get(0);
        assertThat(salesOnly.get("items")).hasSize(1);
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(batch.get("reason").asText()).isEqualTo("2 calls completed.");
        assertThat(batch.at("/counts/calls/COMPLETED").asLong()).isEqualTo(2);
        assertThat(batch.at("/counts/files/COMPLETED").asLong()).isEqualTo(3);
        assertThat(batch.at("/counts/rows/COMPLETED").asLong()).isEqualTo(2);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("message").asText()).isEqualTo("'DONE' is not a status; use one of DETECTING, "
                + "WAITING_FOR_CSV, WAITING_FOR_FILES, PROCESSING, COMPLETED, INCOMPLETE, FAILED.");

        String files = "/api/v1/batches/" + batch.get("id").asText() + "/files";
        JsonNode firstPage = get(files + "?limit=2", server.ownerKey());
        JsonNode secondPage = get(files + "?limit=2&offset=" + firstPage.get("nextOffset").asInt(), server.ownerKey());
        assertThat(firstPage.get("items")).extracting(f -> f.get("name").asText()).containsExactly("s1.wav", "s2.wav");
        assertThat(secondPage.get("items")).singleElement().satisfies(file -> {
            assertThat(file.get("kind").asText()).isEqualTo("METADATA");
            assertThat(file.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(file.get("reason").asText()).isEqualTo("Read 2 data rows: 2 made or updated calls.");
        });
        assertThat(secondPage.get("nextOffset").isNull()).isTrue();
    }

    @Test
    void callsAreFilteredAndShownWithTheirVersionsAndReprocessingKeepsTheOld() throws Exception {
        ingest(sales, "S1,478,2026-01-05T09:00:00Z,s1.wav,Billing", "S2,479,2026-01-06T09:00:00Z,s2.wav,Billing");
        String ann = server.calls(sales).stream().filter(c -> c.contactReference().equals("S1")).findFirst()
                .orElseThrow().agentId();

        assertThat(references("/api/v1/calls?campaignId=" + sales)).containsExactlyInAnyOrder("S1", "S2");
        assertThat(references("/api/v1/calls?agentId=" + ann)).containsExactly("S1");
        assertThat(references("/api/v1/calls?from=2026-01-06T00:00:00Z&to=2026-01-07T00:00:00Z")).containsExactly("S2");
        assertThat(references("/api/v1/calls?source=SFTP&status=COMPLETED")).hasSize(2);
        assertThat(references("/api/v1/calls?source=API")).isEmpty();
        assertThat(get("/api/v1/calls?limit=1", server.ownerKey()).get("nextOffset").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/calls?from=yesterday", server.ownerKey()).status()).isEqualTo(400);

        Call s1 = server.calls(sales).stream().filter(c -> c.contactReference().equals("S1")).findFirst().orElseThrow();
        JsonNode detail = get("/api/v1/calls/" + s1.id(), server.ownerKey());
        assertThat(detail.at("/call/media/durationMs").asLong()).isEqualTo(300 + sales.hashCode() % 7);
        assertThat(detail.at("/call/metadata/Queue").asText()).isEqualTo("Billing");
        assertThat(detail.get("versions")).extracting(v -> v.get("cause").asText()).containsExactly("INGESTED");

        TestServer.Response reprocess = http.post("/api/v1/calls/" + s1.id() + "/reprocess", server.ownerKey(), "");
        assertThat(reprocess.status()).isEqualTo(202);
        assertThat(reprocess.json().get("status").asText()).isIn("PENDING", "PROCESSING", "COMPLETED");
        PipelineServer.await(() -> get("/api/v1/calls/" + s1.id(), server.ownerKey()).get("versions").size() == 2
                ? true : null, WAIT, () -> "the reprocessed version");
        JsonNode reprocessed = get("/api/v1/calls/" + s1.id(), server.ownerKey());
        assertThat(reprocessed.get("versions")).extracting(v -> v.get("cause").asText())
                .containsExactly("INGESTED", "REPROCESSED");
        assertThat(reprocessed.at("/call/status").asText()).isEqualTo("COMPLETED");
        assertThat(reprocessed.at("/call/version").asInt()).isEqualTo(2);
    }

    @Test
    void aCampaignKeySeesOnlyItsCampaignAndAnAgentKeySeesNoUploads() throws Exception {
        ingest(sales, "S1,478,2026-01-05T09:00:00Z,s1.wav,Billing");
        ingest(support, "T1,478,2026-01-05T09:00:00Z,t1.wav,Help");
        String supportKey = http.createKey("MANAGER", support);
        String agentKey = http.createKey("AGENT", null);
        Call salesCall = server.calls(sales).getFirst();

        assertThat(get("/api/v1/batches", supportKey).get("items")).extracting(b -> b.get("campaignId").asText())
                .containsExactly(support);
        assertThat(references("/api/v1/calls", supportKey)).containsExactly("T1");
        assertThat(http.get("/api/v1/calls/" + salesCall.id(), supportKey).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/calls?campaignId=" + sales, supportKey).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/calls/" + salesCall.id() + "/reprocess", supportKey, "").status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/batches/" + server.batches(sales).getFirst().id(), supportKey).status())
                .isEqualTo(404);
        TestServer.Response agent = http.get("/api/v1/calls", agentKey);
        assertThat(agent.status()).isEqualTo(403);
        assertThat(agent.json().get("message").asText()).contains("not linked to an agent");
    }

    @Test
    void cancellingABatchSkipsWhatIsLeftAndACancelledBatchCannotBeCancelledAgain() throws Exception {
        server.land(sales, "calls.csv", HEADER + "S1,478,2026-01-05T09:00:00Z,s1.wav,Billing\n"
                + "S2,478,2026-01-05T09:00:00Z,s2.wav,Billing\n");
        String batch = server.awaitBatch(sales, BatchStatus.WAITING_FOR_FILES, WAIT).id();

        TestServer.Response cancelled = http.post("/api/v1/batches/" + batch + "/cancel", server.ownerKey(), "");

        assertThat(cancelled.status()).isEqualTo(200);
        JsonNode finished = PipelineServer.await(() -> {
            JsonNode now = get("/api/v1/batches/" + batch, server.ownerKey());
            return now.get("status").asText().equals("INCOMPLETE") ? now : null;
        }, WAIT, () -> "the cancelled batch to finish");
        assertThat(finished.at("/counts/rows/SKIPPED").asLong()).isEqualTo(2);
        assertThat(finished.at("/counts/calls/FAILED").asLong()).isEqualTo(2);
        assertThat(server.calls(sales)).allSatisfy(call -> assertThat(call.reason()).startsWith("The batch was cancelled"));
        TestServer.Response again = http.post("/api/v1/batches/" + batch + "/cancel", server.ownerKey(), "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).isEqualTo("The batch has already finished (incomplete); "
                + "there is nothing left to cancel.");
        assertThat(finished.get("reason").asText()).startsWith("Cancelled on ").endsWith("2 calls failed, 2 rows refused.");
    }

    @Test
    void theEventStreamTellsStatusChangesOfTheKeysCampaignsOnly() throws Exception {
        String salesKey = http.createKey("MANAGER", sales);
        BlockingQueue<String> ownerLines = follow(server.ownerKey());
        BlockingQueue<String> salesLines = follow(salesKey);

        ingest(support, "T1,478,2026-01-05T09:00:00Z,t1.wav,Help");
        ingest(sales, "S1,478,2026-01-05T09:00:00Z,s1.wav,Billing");

        String salesCall = server.calls(sales).getFirst().id();
        String supportCall = server.calls(support).getFirst().id();
        List<String> owner = drainUntil(ownerLines, "\"id\":\"" + salesCall + "\"", "COMPLETED");
        List<String> scoped = drainUntil(salesLines, "\"id\":\"" + salesCall + "\"", "COMPLETED");
        assertThat(owner).anyMatch(line -> line.contains(supportCall));
        assertThat(owner).contains("event: call");
        assertThat(scoped).noneMatch(line -> line.contains(support));
        assertThat(scoped).anyMatch(line -> line.startsWith("data: {\"type\":\"batch\"") && line.contains(sales));
        assertThat(http.get("/api/v1/events", server.ownerKey()).status()).as("without Accept: text/event-stream")
                .isEqualTo(406);
    }

    private BlockingQueue<String> follow(String key) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        client.sendAsync(http.request("/api/v1/events", key).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    }
                });
        PipelineServer.await(() -> lines.stream().anyMatch(line -> line.startsWith(":")) ? true : null, WAIT,
                () -> "the stream to open");
        return lines;
    }

    /** Takes lines until one holds every marker; returns the lines taken. */
    private static List<String> drainUntil(BlockingQueue<String> lines, String... markers) throws Exception {
        List<String> taken = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            taken.add(line);
            if (Stream.of(markers).allMatch(line::contains)) {
                return taken;
            }
        }
        throw new AssertionError("No line with " + List.of(markers) + " in " + taken);
    }

    private List<String> references(String path) {
        return references(path, server.ownerKey());
    }

    private List<String> references(String path, String key) {
        List<String> references = new java.util.ArrayList<>();
        get(path, key).get("items").forEach(call -> references.add(call.get("contactReference").asText()));
        return references;
    }

    private JsonNode get(String path, String key) {
        TestServer.Response response = http.get(path, key);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }
}
