package io.callport.server.upload;

import static io.callport.server.TestBytes.randomBytes;
import static io.callport.server.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import io.callport.server.landing.LandedFile;
import io.callport.server.landing.SizeLimits;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** tus 1.0 resumable uploads over real HTTP, driven with curl and java.net.http. */
class TusUploadTest extends UploadServerFixture {
    private static final String CHUNK = "application/offset+octet-stream";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void optionsAnnounceTheProtocolAndExtensions() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(UploadRoutes.TUS_PATH))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Tus-Version")).contains("1.0.0");
        assertThat(response.headers().firstValue("Tus-Resumable")).contains("1.0.0");
        assertThat(response.headers().firstValue("Tus-Extension"))
                .contains("creation,creation-with-upload,checksum,termination,expiration");
        assertThat(response.headers().firstValue("Tus-Max-Size")).contains(String.valueOf(3L << 30));
        assertThat(response.headers().firstValue("Tus-Checksum-Algorithm")).contains("sha256");
    }

    @Test
    void curlCreatesPatchesInTwoChunksAndResumesAfterARestart() throws Exception {
        byte[] content = randomBytes(3_000_000, 51);
        Path first = Files.write(dir.resolve("chunk1"), Arrays.copyOfRange(content, 0, 1_000_000));
        Path second = Files.write(dir.resolve("chunk2"), Arrays.copyOfRange(content, 1_000_000, content.length));

        String created = curl("-i", "-X", "POST", "-H", "Tus-Resumable: 1.0.0", "-H", auth(TestCampaigns.SALES_KEY),
                "-H", "Upload-Length: " + content.length,
                "-H", "Upload-Metadata: " + metadata("filename", "20261102-102800_outbound_512.wav",
                        "campaignId", TestCampaigns.SALES_ID),
                uri(UploadRoutes.TUS_PATH + "/").toString());
        assertThat(status(created)).isEqualTo("HTTP/1.1 201 Created");
        String location = header(created, "Location");
        assertThat(location).matches(UploadRoutes.TUS_PATH + "/[0-9a-f-]{36}");
        assertThat(header(created, "Upload-Expires")).endsWith("GMT");

        String patched = curl("-i", "-X", "PATCH", "-H", "Tus-Resumable: 1.0.0", "-H", auth(TestCampaigns.SALES_KEY),
                "-H", "Content-Type: " + CHUNK, "-H", "Upload-Offset: 0", "--data-binary", "@" + first,
                uri(location).toString());
        assertThat(status(patched)).isEqualTo("HTTP/1.1 204 No Content");
        assertThat(header(patched, "Upload-Offset")).isEqualTo("1000000");

        start(SizeLimits.DEFAULT); // a new server process over the same data folder

        String headed = curl("-I", "-H", "Tus-Resumable: 1.0.0", "-H", auth(TestCampaigns.SALES_KEY),
                uri(location).toString());
        assertThat(status(headed)).isEqualTo("HTTP/1.1 200 OK");
        assertThat(header(headed, "Upload-Offset")).isEqualTo("1000000");
        assertThat(header(headed, "Upload-Length")).isEqualTo("3000000");
        assertThat(header(headed, "Cache-Control")).isEqualTo("no-store");
        assertThat(events).isEmpty();

        String finished = curl("-i", "-X", "PATCH", "-H", "Tus-Resumable: 1.0.0", "-H", auth(TestCampaigns.SALES_KEY),
                "-H", "Content-Type: " + CHUNK, "-H", "Upload-Offset: 1000000",
                "-H", "Upload-Checksum: sha256 " + sha256Base64(Files.readAllBytes(second)),
                "--data-binary", "@" + second, uri(location).toString());
        assertThat(status(finished)).isEqualTo("HTTP/1.1 204 No Content");
        assertThat(header(finished, "Upload-Offset")).isEqualTo("3000000");

        String uploadId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(events).singleElement().satisfies(landed -> {
            assertThat(landed.uploadId()).isEqualTo(uploadId);
            assertThat(landed.relativePath()).isEqualTo("uploads/" + uploadId + "/20261102-102800_outbound_512.wav");
            assertThat(sha256(landed.file())).isEqualTo(sha256(content));
            assertThat(landed.file()).hasBinaryContent(content);
        });
        HttpResponse<Void> afterwards = head(location, TestCampaigns.SALES_KEY);
        assertThat(afterwards.statusCode()).isEqualTo(200);
        assertThat(afterwards.headers().firstValue("Upload-Offset")).contains("3000000");
        assertThat(partials()).isEmpty();
    }

    @Test
    void chunkWithAWrongChecksumIsDiscardedWith460() throws Exception {
        byte[] content = randomBytes(500_000, 52);
        String location = create(TestCampaigns.SALES_KEY, content.length, "call.wav");
        byte[] chunk = Arrays.copyOfRange(content, 0, 200_000);

        HttpResponse<String> mismatch = patch(location, 0, chunk, sha256Base64(new byte[] {1, 2, 3}));
        assertThat(mismatch.statusCode()).isEqualTo(460);
        assertThat(mismatch.body()).contains("checksum does not match");
        assertThat(head(location, TestCampaigns.SALES_KEY).headers().firstValue("Upload-Offset")).contains("0");

        assertThat(patch(location, 0, chunk, sha256Base64(chunk)).statusCode()).isEqualTo(204);
        HttpResponse<String> rest = patch(location, 200_000, Arrays.copyOfRange(content, 200_000, content.length), null);
        assertThat(rest.statusCode()).isEqualTo(204);
        assertThat(events).singleElement().extracting(file -> sha256(file.file())).isEqualTo(sha256(content));
    }

    @Test
    void wrongOffsetIsAConflictAndAChunkPastTheLengthIsRefused() throws Exception {
        String location = create(TestCampaigns.SALES_KEY, 1000, "call.wav");

        HttpResponse<String> wrongOffset = patch(location, 10, new byte[10], null);
        HttpResponse<String> tooLong = patch(location, 0, new byte[1001], null);

        assertThat(wrongOffset.statusCode()).isEqualTo(409);
        assertThat(wrongOffset.body()).contains("Upload-Offset 10 does not match the 0 bytes received");
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(head(location, TestCampaigns.SALES_KEY).headers().firstValue("Upload-Offset")).contains("0");
    }

    @Test
    void terminationRemovesTheUploadAndItsBytes() throws Exception {
        String location = create(TestCampaigns.SALES_KEY, 1000, "call.wav");
        assertThat(patch(location, 0, new byte[400], null).statusCode()).isEqualTo(204);
        assertThat(partials()).hasSize(1);

        String deleted = curl("-i", "-X", "DELETE", "-H", "Tus-Resumable: 1.0.0", "-H", auth(TestCampaigns.SALES_KEY),
                uri(location).toString());

        assertThat(status(deleted)).isEqualTo("HTTP/1.1 204 No Content");
        assertThat(head(location, TestCampaigns.SALES_KEY).statusCode()).isEqualTo(404);
        assertThat(partials()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void expiredUploadsAreGoneAndSweptAway() throws Exception {
        String location = create(TestCampaigns.SALES_KEY, 1000, "call.wav");
        assertThat(patch(location, 0, new byte[400], null).statusCode()).isEqualTo(204);
        String kept = create(TestCampaigns.SALES_KEY, 1000, "kept.wav");

        clock.advance(TUS_EXPIRY.minusHours(1));
        assertThat(patch(kept, 0, new byte[100], null).statusCode()).as("a chunk moves expiry on").isEqualTo(204);
        clock.advance(Duration.ofHours(2));

        assertThat(head(location, TestCampaigns.SALES_KEY).statusCode()).isEqualTo(410);
        assertThat(tusUploads.sweepExpired()).isEqualTo(1);
        assertThat(head(location, TestCampaigns.SALES_KEY).statusCode()).isEqualTo(404);
        assertThat(head(kept, TestCampaigns.SALES_KEY).statusCode()).isEqualTo(200);
        assertThat(partials()).hasSize(1);
    }

    @Test
    void creationWithUploadAndMetadataLandsAtOnce() throws Exception {
        byte[] content = randomBytes(10_000, 53);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(UploadRoutes.TUS_PATH))
                .header("Tus-Resumable", "1.0.0").header("Authorization", "Bearer " + TestCampaigns.ORG_KEY)
                .header("Upload-Length", String.valueOf(content.length))
                .header("Upload-Metadata", metadata("filename", "call.wav", "campaignId", TestCampaigns.SUPPORT_ID,
                        "metadata", "{\"agent\":\"bob\"}"))
                .header("Content-Type", CHUNK)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Upload-Offset")).contains("10000");
        assertThat(events).extracting(e -> e.relativePath().substring(e.relativePath().lastIndexOf('/') + 1))
                .containsExactly("call.json", "call.wav");
        assertThat(events.get(0).file()).hasContent("{\"agent\":\"bob\"}");
        assertThat(events).extracting(LandedFile::campaign).containsOnly(TestCampaigns.SUPPORT.folder());
    }

    @Test
    void refusalsCarryTheRightStatus() throws Exception {
        HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(uri(UploadRoutes.TUS_PATH))
                .header("Tus-Resumable", "1.0.0").header("Authorization", "Bearer " + TestCampaigns.SALES_KEY)
                .header("Upload-Length", String.valueOf(2L << 30 + 1))
                .header("Upload-Metadata", metadata("filename", "call.wav", "campaignId", TestCampaigns.SALES_ID))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> noVersion = http.send(HttpRequest.newBuilder(uri(UploadRoutes.TUS_PATH))
                .header("Authorization", "Bearer " + TestCampaigns.SALES_KEY).header("Upload-Length", "10")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String location = create(TestCampaigns.SALES_KEY, 1000, "call.wav");

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("call.wav is larger than the 2 GB limit for a recording.");
        assertThat(noVersion.statusCode()).isEqualTo(412);
        assertThat(noVersion.headers().firstValue("Tus-Version")).contains("1.0.0");
        assertThat(head(location, "cp_unknown").statusCode()).isEqualTo(401);
        assertThat(head(UploadRoutes.TUS_PATH + "/../../etc", TestCampaigns.SALES_KEY).statusCode()).isEqualTo(404);
        String otherCampaign = create(TestCampaigns.ORG_KEY, 10, "other.wav", TestCampaigns.SUPPORT_ID);
        assertThat(head(otherCampaign, TestCampaigns.SALES_KEY).statusCode()).isEqualTo(403);
    }

    @Test
    void aSecondChunkWhileOneIsStreamingIsLocked() throws Exception {
        // more than the server's 256 KiB receive buffer, so that part of the chunk is on disk while it streams
        String location = create(TestCampaigns.SALES_KEY, 600_000, "call.wav");
        PipedOutputStream sender = new PipedOutputStream();
        PipedInputStream slowBody = new PipedInputStream(sender, 1 << 16);
        CompletableFuture<HttpResponse<String>> streaming = http.sendAsync(request(location, TestCampaigns.SALES_KEY)
                .header("Content-Type", CHUNK).header("Upload-Offset", "0")
                .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> slowBody), 600_000)).build(),
                HttpResponse.BodyHandlers.ofString());
        sender.write(new byte[300_000]);
        sender.flush();
        waitForPartialBytes(200_000);

        HttpResponse<String> second = patch(location, 0, new byte[10], null);
        sender.write(new byte[300_000]);
        sender.close();

        assertThat(second.statusCode()).isEqualTo(423);
        assertThat(streaming.get().statusCode()).isEqualTo(204);
        assertThat(events).singleElement().extracting(LandedFile::size).isEqualTo(600_000L);
    }

    private void waitForPartialBytes(long bytes) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (partials().stream().mapToLong(p -> p.toFile().length()).sum() < bytes) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The chunk did not start arriving");
            }
            Thread.sleep(20);
        }
    }

    private String create(String key, long length, String fileName) throws Exception {
        return create(key, length, fileName, TestCampaigns.SALES_ID);
    }

    private String create(String key, long length, String fileName, String campaignId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(UploadRoutes.TUS_PATH))
                .header("Tus-Resumable", "1.0.0").header("Authorization", "Bearer " + key)
                .header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", metadata("filename", fileName, "campaignId", campaignId))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> patch(String location, long offset, byte[] chunk, String checksum) throws Exception {
        HttpRequest.Builder request = request(location, TestCampaigns.SALES_KEY)
                .header("Content-Type", CHUNK).header("Upload-Offset", String.valueOf(offset))
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk));
        if (checksum != null) {
            request.header("Upload-Checksum", "sha256 " + checksum);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<Void> head(String location, String key) throws Exception {
        return http.send(request(location, key).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private HttpRequest.Builder request(String location, String key) {
        return HttpRequest.newBuilder(uri(location)).header("Tus-Resumable", "1.0.0")
                .header("Authorization", "Bearer " + key);
    }

    private static String auth(String key) {
        return "Authorization: Bearer " + key;
    }

    private static String metadata(String... keysAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            pairs.add(keysAndValues[i] + " " + Base64.getEncoder()
                    .encodeToString(keysAndValues[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return String.join(",", pairs);
    }

    /** The final status line curl printed (after any "100 Continue"). */
    private static String status(String curlOutput) {
        return curlOutput.lines().filter(line -> line.startsWith("HTTP/")).reduce((first, last) -> last).orElseThrow()
                .strip();
    }

    private static String header(String curlOutput, String name) throws IOException {
        return curlOutput.lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip()).findFirst()
                .orElseThrow(() -> new IOException("No " + name + " in:\n" + curlOutput));
    }
}
