package io.callport.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callport.server.config.ServerConfig;
import io.callport.server.ingest.PipelineServer;
import io.callport.server.landing.LandedFile;
import io.callport.server.landing.UploadSource;
import io.callport.server.store.CredentialCipher;
import io.callport.server.pull.SftpTestServer;
import io.callport.server.storage.BlobStoreSettings;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.Organisation;
import io.callport.server.store.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a connector fetches from a customer's SFTP server reach the pipeline as files sent to the server's own SFTP
 * do: landed in the campaign's folder, announced once with source PULL, and never again, even after a restart.
 */
class PullWiringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    @TempDir
    Path remote;
    private final List<LandedFile> arrivals = new CopyOnWriteArrayList<>();
    private final String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
    private SftpTestServer sftp;
    private TestServer server;
    private String owner;

    @BeforeEach
    void start() throws IOException {
        Files.createDirectories(remote.resolve("depot"));
        sftp = new SftpTestServer(remote, null);
        server = startServer(null);
        owner = server.ownerKey();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        sftp.close();
    }

    @Test
    void aPulledFileLandsInItsCampaignFolderAndIsAnnouncedOnceEvenAfterARestart() throws Exception {
        String campaign = server.createCampaign("Sales");
        remoteFile(today + "/call-1.wav", "RIFF recording one");
        remoteFile(today + "/calls.csv", "id,agent\n1,ann\n");
        String id = createConnector(campaign, "yyyyMMdd");

        await(() -> arrivals.size() == 2);

        assertThat(arrivals).extracting(LandedFile::relativePath)
                .containsExactlyInAnyOrder(today + "/call-1.wav", today + "/calls.csv");
        LandedFile recording = arrivals.stream().filter(file -> file.relativePath().endsWith(".wav")).findFirst()
                .orElseThrow();
        assertThat(recording.source()).isEqualTo(UploadSource.PULL);
        assertThat(recording.campaign().campaignFolder()).isEqualTo("sales");
        assertThat(recording.campaign().orgFolder()).isEqualTo(organisation().slug());
        assertThat(recording.file()).isEqualTo(dataDir.resolve("landing").resolve(recording.campaign().orgFolder())
                .resolve("sales").resolve(today).resolve("call-1.wav").toRealPath());
        assertThat(recording.file()).hasContent("RIFF recording one");
        assertThat(recording.size()).isEqualTo(18);
        assertThat(stagedFiles(id)).as("nothing left in staging").isEmpty();

        assertThat(run(id).at("/run/delivered").asInt()).isZero();
        remoteFile(today + "/calls.csv", "id,agent\n1,ann\n2,bob\n");
        assertThat(run(id).at("/run/delivered").asInt()).as("a corrected CSV is a new arrival").isEqualTo(1);
        assertThat(arrivals).hasSize(3).last().satisfies(file -> {
            assertThat(file.relativePath()).isEqualTo(today + "/calls.csv");
            assertThat(file.file()).hasContent("id,agent\n1,ann\n2,bob\n");
        });

        server.close();
        server = startServer(null);
        assertThat(run(id).at("/run/listed").asInt()).isEqualTo(2);
        assertThat(arrivals).as("nothing is delivered twice after a restart").hasSize(3);
        Path keyFile = dataDir.resolve(CredentialCipher.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void aServerWithAnotherCredentialKeyCannotReadTheStoredPasswordUntilItIsEnteredAgain() throws Exception {
        server.close();
        server = startServer(CredentialCipher.generateKey());
        String campaign = server.post("/api/v1/campaigns", owner, "{\"name\": \"Keyed\"}").json().get("id")
                .asText();
        remoteFile("call.wav", "recording");
        String id = createConnector(campaign, "");
        await(() -> arrivals.size() == 1);

        server.close();
        server = startServer(CredentialCipher.generateKey());
        JsonNode failed = run(id);

        assertThat(failed.at("/run/failure").asText()).isEqualTo("CREDENTIALS_UNREADABLE");
        assertThat(failed.at("/connector/status/failureMessage").asText())
                .contains("Enter the connector's password or keys again");
        assertThat(server.patch("/api/v1/connectors/" + id, owner, "{\"lookbackDays\": 3}").status())
                .as("changing settings needs the credentials again").isEqualTo(400);
        assertThat(server.patch("/api/v1/connectors/" + id, owner,
                "{\"password\": \"" + SftpTestServer.PASSWORD + "\"}").status()).isEqualTo(200);
        assertThat(run(id).at("/connector/status/state").asText()).isEqualTo("OK");
    }

    @Test
    void aPulledFileThePipelineNeverHeardOfIsFoundAfterARestartAsPulled() throws Exception {
        String campaign = server.post("/api/v1/campaigns", owner, "{\"name\": \"Pulled\", \"csvRequired\": false, "
                + "\"batchWindowSeconds\": 0}").json().get("id").asText();
        remoteFile("call-1.wav", "RIFF recording one");
        createConnector(campaign, "");
        // the file landed and its connector handed it over, but this server's listener is not the pipeline: as if
        // the server stopped right after landing it, before the pipeline recorded it
        await(() -> arrivals.size() == 1);
        Path folder = arrivals.getFirst().file().getParent();
        Files.writeString(folder.resolve("dropped.wav"), "RIFF dropped by hand");
        server.close();

        ServerConfig config = ServerConfig.embedded(dataDir).withPorts(0, 0);
        try (PipelineServer restarted = PipelineServer.start(config, PipelineServer.fast(), Clock.systemUTC())) {
            restarted.pipeline().scanNow();
            List<IngestFile> files = PipelineServer.await(() -> {
                List<IngestBatch> batches = restarted.batches(campaign);
                return batches.isEmpty() ? null : restarted.pipeline().store().files()
                        .inBatch(batches.getFirst().id(), null, new Page(10, 0));
            }, PATIENCE, () -> "the scan to record the files");

            assertThat(files).extracting(IngestFile::name, IngestFile::source).containsExactlyInAnyOrder(
                    tuple("call-1.wav", UploadSource.PULL.name()), tuple("dropped.wav", UploadSource.SFTP.name()));
        }
    }

    private TestServer startServer(String credentialKey) {
        ServerConfig config = new ServerConfig(dataDir, 0, 0, "127.0.0.1", ServerConfig.sqliteUrl(dataDir), null,
                null, BlobStoreSettings.local(dataDir), credentialKey);
        return TestServer.start(config, List.of(new TransferExtension(context -> arrivals::add)));
    }

    private String createConnector(String campaign, String dateFolders) {
        ObjectNode body = JSON.createObjectNode().put("name", "Recorder").put("protocol", "sftp")
                .put("host", "127.0.0.1").put("port", sftp.port()).put("username", SftpTestServer.USER)
                .put("password", SftpTestServer.PASSWORD).put("basePath", "depot").put("dateFolders", dateFolders);
        TestServer.Response created = server.post("/api/v1/campaigns/" + campaign + "/connectors", owner,
                body.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private JsonNode run(String id) {
        TestServer.Response run = server.post("/api/v1/connectors/" + id + "/run?wait=60", owner, "");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        return run.json();
    }

    /** The one organisation, made by the first start. */
    private Organisation organisation() {
        return server.server().context().store().organisations().list().getFirst();
    }

    private List<Path> stagedFiles(String id) throws IOException {
        Path staging = dataDir.resolve(PullTransfers.STAGING_DIR).resolve(id);
        try (Stream<Path> files = Files.walk(staging)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private void remoteFile(String relative, String content) throws IOException {
        Path file = remote.resolve("depot").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
