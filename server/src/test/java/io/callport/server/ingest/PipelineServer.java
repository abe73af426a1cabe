package io.callport.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import io.callport.server.TestServer;
import io.callport.server.config.ServerConfig;
import io.callport.server.http.PipelineRoutes;
import io.callport.server.landing.CampaignFolder;
import io.callport.server.landing.CampaignPath;
import io.callport.server.landing.LandedFile;
import io.callport.server.landing.LandingArea;
import io.callport.server.landing.UploadSource;
import io.callport.server.landing.WriteCheck;
import io.callport.server.store.BatchStatus;
import io.callport.server.store.Call;
import io.callport.server.store.CallFilter;
import io.callport.server.store.Campaign;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.Page;
import io.callport.server.store.Sql;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A real server with the pipeline, its landing area and helpers to set up campaigns and drop files. */
public final class PipelineServer implements AutoCloseable {
    public static final String MAPPING = """
            {"fields": {"agentId": "agent", "contactDate": "date", "contactReference": "call_id",
                        "audioFilename": "recording"},
             "metadata": [{"column": "queue", "name": "Queue"}]}
            """;

    private final TestServer http;
    private final PipelineExtension extension;
    private final LandingArea landing;

    private PipelineServer(TestServer http, PipelineExtension extension, LandingArea landing) {
        this.http = http;
        this.extension = extension;
        this.landing = landing;
    }

    /** Settings for tests: short leases, quick polling, no periodic scan or housekeeping (tests run them). */
    public static PipelineSettings fast() {
        return new PipelineSettings(2, Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofHours(1),
                Duration.ZERO, Duration.ofHours(1));
    }

    public static PipelineServer start(Path dataDir) throws IOException {
        return start(ServerConfig.embedded(dataDir).withPorts(0, 0), fast(), Clock.systemUTC());
    }

    public static PipelineServer start(ServerConfig config, PipelineSettings settings, Clock clock) throws IOException {
        return start(config, settings, clock, WriteCheck.NONE);
    }

    /** @param writeCheck asked before each write into the transfer servers' landing area */
    public static PipelineServer start(ServerConfig config, PipelineSettings settings, Clock clock,
                                       WriteCheck writeCheck) throws IOException {
        PipelineExtension extension = new PipelineExtension(settings, PipelineExtension::recordingsFor, null,
                PipelineRoutes::of, io.callport.server.retention.Housekeeping::of);
        TestServer http = TestServer.start(config, List.of(extension,
                new io.callport.server.TransferExtension(extension::listenerFor, writeCheck)), clock);
        return new PipelineServer(http, extension, new LandingArea(config.dataDir().resolve(Pipeline.LANDING_FOLDER),
                io.callport.server.landing.SizeLimits.DEFAULT, clock));
    }

    public TestServer http() {
        return http;
    }

    public Pipeline pipeline() {
        return extension.pipeline();
    }

    public String ownerKey() {
        return http.ownerKey();
    }

    /** Creates a campaign with the test mapping; returns its id. */
    public String campaign(String name, boolean csvRequired, int windowSeconds) {
        return campaign("{\"name\": \"" + name + "\", \"csvRequired\": " + csvRequired
                + ", \"batchWindowSeconds\": " + windowSeconds + "}");
    }

    /** Creates a campaign from a JSON request, with the test mapping; returns its id. */
    public String campaign(String request) {
        TestServer.Response created = http.post("/api/v1/campaigns", ownerKey(), request);
        require(created, 201);
        String id = created.json().get("id").asText();
        mapping(id, MAPPING);
        return id;
    }

    public void mapping(String campaignId, String json) {
        require(http.put("/api/v1/campaigns/" + campaignId + "/mapping", ownerKey(), json), 200, 201);
    }

    /**
     * Registers a new Ed25519 key for the campaign through the API, as a recorder would, and logs in with it over
     * SFTP (JSch); the session sees the campaign's folder as its root.
     */
    public Session sftpSession(String campaignId, String keyName) throws Exception {
        JSch jsch = new JSch();
        KeyPair pair = KeyPair.genKeyPair(jsch, KeyPair.ED25519);
        ByteArrayOutputStream privateKey = new ByteArrayOutputStream();
        pair.writeOpenSSHv1PrivateKey(privateKey, null);
        ByteArrayOutputStream publicKey = new ByteArrayOutputStream();
        pair.writePublicKey(publicKey, keyName);
        TestServer.Response registered = http.post("/api/v1/ssh-keys", ownerKey(), "{\"publicKey\": \""
                + publicKey.toString(StandardCharsets.US_ASCII).strip() + "\", \"campaignId\": \"" + campaignId + "\"}");
        require(registered, 201);
        jsch.addIdentity(keyName, privateKey.toByteArray(), null, null);
        Session session = jsch.getSession(registered.json().get("username").asText(), "127.0.0.1",
                registered.json().get("port").asInt());
        session.setConfig("StrictHostKeyChecking", "no");
        session.connect(30_000);
        return session;
    }

    public void agent(String externalId, String email, String name) {
        String body = "{\"name\": \"" + name + "\"" + (externalId == null ? "" : ", \"externalId\": \"" + externalId
                + "\"") + (email == null ? "" : ", \"email\": \"" + email + "\"") + "}";
        require(http.post("/api/v1/agents", ownerKey(), body), 200, 201);
    }

    public Campaign campaignRecord(String campaignId) {
        String orgId = http.server().context().store().organisations().list().getFirst().id();
        return http.server().context().store().campaigns().find(orgId, campaignId).orElseThrow();
    }

    public CampaignFolder folder(String campaignId) {
        Campaign campaign = campaignRecord(campaignId);
        String slug = http.server().context().store().organisations().find(campaign.orgId()).orElseThrow().slug();
        return new CampaignFolder(slug, campaign.folder());
    }

    /** Lands a file the way the SFTP server and the upload routes do, and tells the pipeline. */
    public LandedFile land(String campaignId, String path, byte[] content) throws IOException {
        return land(campaignId, path, content, UploadSource.SFTP);
    }

    /** Also waits until the pipeline has recorded the file, which it does on a thread of its own. */
    public LandedFile land(String campaignId, String path, byte[] content, UploadSource source) throws IOException {
        LandedFile landed = landing.landBytes(content, new CampaignPath(folder(campaignId), path), source, extension);
        await(() -> http.server().context().database().read(c -> Sql.one(c,
                        "SELECT 1 FROM ingest_files WHERE upload_id = ?", row -> true, landed.uploadId())).orElse(null),
                Duration.ofSeconds(30), () -> "the pipeline to record " + path);
        return landed;
    }

    public LandedFile land(String campaignId, String path, String text) throws IOException {
        return land(campaignId, path, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Drops {@code calls} short recordings {@code call-0000.wav}... and then a CSV naming them (agent 478, queue
     * Billing) into the campaign's folder on disk, each written in {@code staging} and moved into place whole.
     * Nothing is told of them: a scan finds them.
     */
    public void dropBatch(String campaignId, Path staging, int calls) throws IOException {
        CampaignFolder campaign = folder(campaignId);
        Path folder = Files.createDirectories(landingRoot().resolve(campaign.orgFolder())
                .resolve(campaign.campaignFolder()));
        StringBuilder csv = new StringBuilder("call_id,agent,date,recording,queue\n");
        for (int i = 0; i < calls; i++) {
            String name = "call-%04d.wav".formatted(i);
            Files.write(staging.resolve(name), Recordings.wav(100 + i));
            Files.move(staging.resolve(name), folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            csv.append("C").append(i).append(",478,2026-01-05T09:00:00Z,").append(name).append(",Billing\n");
        }
        Files.writeString(staging.resolve("calls.csv"), csv);
        Files.move(staging.resolve("calls.csv"), folder.resolve("calls.csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    public Path landingRoot() {
        return landing.root();
    }

    public List<IngestBatch> batches(String campaignId) {
        Campaign campaign = campaignRecord(campaignId);
        return pipeline().store().batches().list(campaign.orgId(), List.of(campaignId), null, new Page(100, 0));
    }

    public List<Call> calls(String campaignId) {
        Campaign campaign = campaignRecord(campaignId);
        return pipeline().store().calls().list(campaign.orgId(), new CallFilter(List.of(campaignId), null, null, null,
                null, null), new Page(1000, 0));
    }

    /** Waits until every batch of the campaign has a final status and returns them, newest first. */
    public List<IngestBatch> awaitBatchesFinal(String campaignId, Duration timeout) {
        return await(() -> {
            List<IngestBatch> batches = batches(campaignId);
            return !batches.isEmpty() && batches.stream().allMatch(b -> b.status().isFinal()) ? batches : null;
        }, timeout, () -> "batches of " + campaignId + " to finish: " + batches(campaignId));
    }

    /** Waits until the pipeline has no work item left, retries included; names what is left if it never drains. */
    public void awaitNoWorkLeft(Duration timeout) {
        await(() -> workLeft().isEmpty() ? Boolean.TRUE : null, timeout, () -> "no work left: " + workLeft());
    }

    private List<String> workLeft() {
        return http.server().context().database().read(c -> {
            List<String> items = new ArrayList<>();
            try (var rows = c.createStatement().executeQuery("SELECT kind, attempts, last_error FROM work_items")) {
                while (rows.next()) {
                    items.add(rows.getString(1) + " (attempts " + rows.getInt(2) + ": " + rows.getString(3) + ")");
                }
            }
            return items;
        });
    }

    /** Waits until the campaign's newest batch has the status. */
    public IngestBatch awaitBatch(String campaignId, BatchStatus status, Duration timeout) {
        return await(() -> {
            List<IngestBatch> batches = batches(campaignId);
            return !batches.isEmpty() && batches.getFirst().status() == status ? batches.getFirst() : null;
        }, timeout, () -> "batch " + status + ": " + batches(campaignId));
    }

    public static <T> T await(Supplier<T> condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public JsonNode getJson(String path) {
        TestServer.Response response = http.get(path, ownerKey());
        require(response, 200);
        return response.json();
    }

    private static void require(TestServer.Response response, int... statuses) {
        for (int status : statuses) {
            if (response.status() == status) {
                return;
            }
        }
        throw new IllegalStateException("Unexpected answer " + response.status() + ": " + response.body());
    }

    @Override
    public void close() {
        http.close();
    }
}
