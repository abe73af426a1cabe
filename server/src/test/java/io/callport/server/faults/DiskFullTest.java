package io.callport.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import io.callport.server.TestServer;
import io.callport.server.config.ServerConfig;
import io.callport.server.ingest.PipelineServer;
import io.callport.server.ingest.Recordings;
import io.callport.server.landing.CampaignFolder;
import io.callport.server.landing.WriteCheck;
import io.callport.server.storage.BlobStoreSettings;
import io.callport.server.store.CallStatus;
import io.callport.server.upload.MultipartForm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk under the landing folder fills up: a small tmpfs the test mounts there when it runs as root and may
 * mount, and in any case writes failing at the landing area as a full disk's do. An upload that does not fit fails
 * with a clear sentence on every route (507 for the one-shot and tus uploads, an SFTP failure status), nothing
 * half-written looks complete, what was stored before is untouched, and once space is freed the same uploads go
 * through and the pipeline completes their calls.
 */
class DiskFullTest {
    private static final String TMPFS_SIZE = "48m";
    private static final String NAMED_BY_CONVENTION = """
            {"fields": {"agentId": "agent", "contactDate": "date", "contactReference": "call_id"},
             "fileNameConvention": {"pattern": "yyyyMMdd-HHmmss_direction_uid"}}
            """;
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path dataDir;
    private Path mounted;

    @Test
    void onASmallTmpfsMountedAsTheLandingFolder() throws Exception {
        Path landing = Files.createDirectories(dataDir.resolve("landing"));
        Assumptions.assumeTrue(mountTmpfs(landing), "cannot mount a tmpfs here (it takes root with CAP_SYS_ADMIN); "
                + "the simulated full disk of the other test stands in");
        mounted = landing;
        try (PipelineServer server = PipelineServer.start(config(), PipelineServer.fast(), Clock.systemUTC())) {
            runsOutOfSpaceAndRecovers(server, new FillerFile(landing.resolve("filler.bin")));
        }
    }

    @Test
    void withLandingWritesFailingAsOnAFullDisk() throws Exception {
        SimulatedFullDisk disk = new SimulatedFullDisk();
        try (PipelineServer server = PipelineServer.start(config(), PipelineServer.fast(), Clock.systemUTC(), disk)) {
            runsOutOfSpaceAndRecovers(server, disk);
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            assertThat(run("umount", mounted.toString())).as("umount " + mounted).isTrue();
        }
    }

    private void runsOutOfSpaceAndRecovers(PipelineServer server, Disk disk) throws Exception {
        server.agent("478", null, "Ann Lee");
        String campaign = server.campaign("Outbound", false, 0);
        server.mapping(campaign, NAMED_BY_CONVENTION);
        assertThat(oneShot(server, campaign, "20260105-090000_outbound_478.wav", Recordings.wav(1_000)).status())
                .isEqualTo(201);
        awaitCompletedCalls(server, campaign, 1);
        Map<String, String> storedBefore = storedFiles(server, campaign);

        disk.fill();
        String viaOneShot = "20260105-091000_outbound_478.wav";
        String viaTus = "20260105-092000_outbound_478.wav";
        String viaSftp = "20260105-093000_outbound_478.wav";
        Map<String, byte[]> recordings = Map.of(viaOneShot, Recordings.wav(20_000), viaTus, Recordings.wav(21_000),
                viaSftp, Recordings.wav(22_000));

        TestServer.Response oneShot = oneShot(server, campaign, viaOneShot, recordings.get(viaOneShot));
        assertThat(oneShot.status()).as(oneShot.body()).isEqualTo(507);
        assertThat(oneShot.error()).isEqualTo("insufficient_storage");
        assertThat(oneShot.json().get("message").asText()).isEqualTo(diskFull(viaOneShot));

        String tus = tusCreate(server, campaign, viaTus, recordings.get(viaTus).length);
        TestServer.Response chunk = tusPatch(server, tus, recordings.get(viaTus));
        assertThat(chunk.status()).as(chunk.body()).isEqualTo(507);
        assertThat(chunk.json().get("message").asText()).isEqualTo(diskFull(viaTus));
        assertThat(tusOffset(server, tus)).as("what the tus upload holds").isZero();

        Session session = server.sftpSession(campaign, "recorder@test");
        try {
            assertThatThrownBy(() -> sftpPut(session, viaSftp, recordings.get(viaSftp)))
                    .isInstanceOfSatisfying(SftpException.class, e -> {
                        assertThat(e.id).isEqualTo(ChannelSftp.SSH_FX_FAILURE);
                        assertThat(e.getMessage()).isEqualTo("SSH_FX_FAILURE: " + diskFull(viaSftp));
                    });

            assertThat(storedFiles(server, campaign)).as("nothing new looks complete, nothing stored changed")
                    .isEqualTo(storedBefore);
            try (Stream<Path> partials = Files.list(server.landingRoot().resolve(".incoming"))) {
                assertThat(partials.toList()).as("partial files: only the tus upload's, empty, kept to resume")
                        .singleElement().satisfies(partial -> assertThat(partial).isEmptyFile());
            }
            assertThat(server.calls(campaign)).hasSize(1);

            disk.free();
            assertThat(oneShot(server, campaign, viaOneShot, recordings.get(viaOneShot)).status()).isEqualTo(201);
            assertThat(tusPatch(server, tus, recordings.get(viaTus)).status()).isEqualTo(204);
            sftpPut(session, viaSftp, recordings.get(viaSftp));
        } finally {
            session.disconnect();
        }

        awaitCompletedCalls(server, campaign, 4);
        assertThat(server.calls(campaign)).extracting(call -> call.recordingName())
                .containsExactlyInAnyOrder("20260105-090000_outbound_478.wav", viaOneShot, viaTus, viaSftp);
        assertThat(storedFiles(server, campaign)).as("what was stored before the disk filled")
                .containsAllEntriesOf(storedBefore);
    }

    private static String diskFull(String fileName) {
        return "The server's disk is full, so " + fileName + " could not be stored. Send it again once the server's "
                + "administrator has freed space.";
    }

    private ServerConfig config() {
        return ServerConfig.embedded(dataDir).withPorts(0, 0);
    }

    /** A disk that can be filled up and freed again. */
    private interface Disk {
        void fill() throws IOException;

        void free() throws IOException;
    }

    /** The tmpfs filled by a file written until the disk refuses more, and freed by deleting it. */
    private record FillerFile(Path file) implements Disk {
        @Override
        public void fill() throws IOException {
            byte[] block = new byte[1 << 20];
            try (OutputStream out = Files.newOutputStream(file)) {
                assertThatThrownBy(() -> {
                    while (true) {
                        out.write(block);
                    }
                }).isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
            }
        }

        @Override
        public void free() throws IOException {
            Files.delete(file);
        }
    }

    /** Every write into the landing area fails as on a full disk while it is full. */
    private static final class SimulatedFullDisk implements Disk, WriteCheck {
        private volatile boolean full;

        @Override
        public void beforeWriting(long bytes) throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public void fill() {
            full = true;
        }

        @Override
        public void free() {
            full = false;
        }
    }

    /** Every file of the campaign's folder and of the blob store, by path, with its SHA-256. */
    private Map<String, String> storedFiles(PipelineServer server, String campaign) throws Exception {
        CampaignFolder folder = server.folder(campaign);
        Map<String, String> files = new TreeMap<>();
        for (Path root : List.of(server.landingRoot().resolve(folder.orgFolder()).resolve(folder.campaignFolder()),
                dataDir.resolve(BlobStoreSettings.LOCAL_FOLDER))) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(dataDir.relativize(file).toString(), HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
                }
            }
        }
        return files;
    }

    private static void awaitCompletedCalls(PipelineServer server, String campaign, int count) {
        PipelineServer.await(() -> server.calls(campaign).stream()
                        .filter(call -> call.status() == CallStatus.COMPLETED).count() == count ? true : null,
                WAIT, () -> count + " completed calls: " + server.calls(campaign));
    }

    /** Puts a file over a channel of its own: after a failed put, JSch's channel still holds the other answers. */
    private static void sftpPut(Session session, String name, byte[] content) throws Exception {
        ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
        sftp.connect(10_000);
        try {
            sftp.put(new ByteArrayInputStream(content), name);
        } finally {
            sftp.disconnect();
        }
    }

    private static TestServer.Response oneShot(PipelineServer server, String campaign, String name, byte[] content) {
        byte[] form = MultipartForm.form(List.of(MultipartForm.field("campaignId", campaign),
                MultipartForm.filePart("file", name, content)));
        return server.http().postBody("/api/v1/calls/upload", server.ownerKey(), MultipartForm.CONTENT_TYPE,
                HttpRequest.BodyPublishers.ofByteArray(form));
    }

    /** Starts a tus upload; returns its path. */
    private static String tusCreate(PipelineServer server, String campaign, String name, long length) {
        TestServer.Response created = server.http().send(tus(server, "/api/v1/tus")
                .header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", "filename " + base64(name) + ",campaignId " + base64(campaign))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    /** Sends the whole file as one chunk from offset 0. */
    private static TestServer.Response tusPatch(PipelineServer server, String upload, byte[] content) {
        return server.http().send(tus(server, upload).header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    private static long tusOffset(PipelineServer server, String upload) {
        TestServer.Response head = server.http().send(tus(server, upload)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    }

    private static HttpRequest.Builder tus(PipelineServer server, String path) {
        return server.http().request(path, server.ownerKey()).header("Tus-Resumable", "1.0.0");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Mounts a tmpfs of {@value #TMPFS_SIZE} over the folder; false when this process may not. */
    private static boolean mountTmpfs(Path folder) throws Exception {
        return run("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE, "tmpfs", folder.toString());
    }

    /** Whether the command ran and succeeded; false too when there is no such command. */
    private static boolean run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException notRunnable) {
            return false;
        }
    }
}
