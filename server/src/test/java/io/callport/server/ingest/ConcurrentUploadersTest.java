package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.Session;
import io.callport.server.store.BatchStatus;
import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.Page;
import io.callport.server.upload.UploadRoutes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario of {@code bench/load}, small (issue 8): 10 uploaders at once into one campaign, half over SFTP (JSch,
 * each with a key of its own registered through the API), half over HTTP (tus and one-shot in turn), each sending
 * 5 recordings and then a CSV naming them. No upload fails and every call is completed once: none lost, none
 * doubled. The timings are the benchmark's business, not this test's.
 */
class ConcurrentUploadersTest {
    private static final int UPLOADERS = 10;
    private static final int RECORDINGS = 5;
    private static final int CALLS = UPLOADERS * RECORDINGS;

    @TempDir
    Path dataDir;
    private PipelineServer server;
    private String campaign;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = PipelineServer.start(dataDir);
        server.agent("478", null, "Ann Lee");
        campaign = server.campaign("Load", true, 1);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void tenUploadersAtOnceOverSftpAndHttpLoseAndDoubleNoCall() throws Exception {
        List<Future<List<String>>> uploaders = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < UPLOADERS; u++) {
                int uploader = u;
                Map<String, byte[]> files = batchOf(u);
                uploaders.add(threads.submit(() -> switch (uploader % 4) {
                    case 0, 2 -> sendOverSftp(uploader, files);
                    case 1 -> send(this::tus, files);
                    default -> send(this::oneShot, files);
                }));
            }
        }
        List<String> failures = new ArrayList<>();
        for (Future<List<String>> uploader : uploaders) {
            failures.addAll(uploader.get());
        }
        assertThat(failures).as("failed uploads").isEmpty();

        List<Call> calls = PipelineServer.await(() -> {
            List<Call> now = server.calls(campaign);
            boolean settled = now.stream().filter(call -> call.status() == CallStatus.COMPLETED).count() == CALLS
                    && server.batches(campaign).stream().allMatch(batch -> batch.status().isFinal());
            return settled ? now : null;
        }, Duration.ofMinutes(2), () -> "every call completed: " + server.batches(campaign));
        assertThat(calls).hasSize(CALLS).allSatisfy(call -> {
            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(call.version()).isEqualTo(1);
        });
        assertThat(calls.stream().map(Call::contactReference).distinct()).as("each call once").hasSize(CALLS);
        assertThat(calls.stream().collect(Collectors.groupingBy(Call::source, Collectors.counting())))
                .isEqualTo(Map.of("SFTP", 25L, "API", 25L));
        assertThat(server.batches(campaign)).extracting(IngestBatch::status).containsOnly(BatchStatus.COMPLETED);
        assertThat(server.batches(campaign).stream()
                .flatMap(batch -> server.pipeline().store().files().inBatch(batch.id(), null, new Page(1000, 0))
                        .stream())
                .collect(Collectors.groupingBy(file -> file.status(), Collectors.counting())))
                .as("every file taken in once").isEqualTo(Map.of(FileStatus.COMPLETED, (long) CALLS + UPLOADERS));
    }

    /** Sends one file; throws when the server did not take it. */
    private interface Uploader {
        void send(String name, byte[] content) throws Exception;
    }

    /** Sends the files in order and returns a line for each that failed. */
    private static List<String> send(Uploader uploader, Map<String, byte[]> files) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            try {
                uploader.send(file.getKey(), file.getValue());
            } catch (Exception e) {
                failures.add(file.getKey() + ": " + e);
            }
        }
        return failures;
    }

    /** Uploader {@code u}'s recordings, then its CSV naming them. */
    private static Map<String, byte[]> batchOf(int u) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("call_id,agent,date,recording,queue\n");
        for (int r = 0; r < RECORDINGS; r++) {
            String name = "u%02d-r%02d.wav".formatted(u, r);
            files.put(name, Recordings.numbered(u * RECORDINGS + r));
            csv.append("L%02d-%02d,478,2026-01-05T09:%02d:00Z,%s,Billing\n".formatted(u, r, r, name));
        }
        files.put("calls-u%02d.csv".formatted(u), csv.toString().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** An SFTP uploader with a key of its own, registered for the campaign: one session for all its files. */
    private List<String> sendOverSftp(int u, Map<String, byte[]> files) throws Exception {
        Session session = server.sftpSession(campaign, "uploader-" + u);
        try {
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(30_000);
            return send((name, content) -> sftp.put(new ByteArrayInputStream(content), name), files);
        } finally {
            session.disconnect();
        }
    }

    private void tus(String name, byte[] content) throws Exception {
        HttpResponse<String> created = http.send(server.http().request(UploadRoutes.TUS_PATH, server.ownerKey())
                .header("Tus-Resumable", "1.0.0").header("Upload-Length", String.valueOf(content.length))
                .header("Upload-Metadata", "filename " + base64(name) + ",campaignId " + base64(campaign))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        expect(created.statusCode(), 201, created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> patched = http.send(server.http().request(location.substring(location.indexOf("/api/")),
                        server.ownerKey()).header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(patched.statusCode(), 204, patched.body());
    }

    private void oneShot(String name, byte[] content) throws Exception {
        String boundary = "callport-load-test";
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"campaignId\"\r\n\r\n" + campaign
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(content);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> sent = http.send(server.http().request(UploadRoutes.ONE_SHOT_PATH, server.ownerKey())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(sent.statusCode(), 201, sent.body());
    }

    private static void expect(int status, int expected, String body) {
        if (status != expected) {
            throw new IllegalStateException("The server answered " + status + ": " + body);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
