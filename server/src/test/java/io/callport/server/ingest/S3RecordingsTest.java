package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callport.server.StandardExtensions;
import io.callport.server.TestServer;
import io.callport.server.config.ServerConfig;
import io.callport.server.storage.BlobStoreSettings;
import io.callport.server.storage.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The production server keeps recordings in S3 when told to: a dropped batch's calls point at objects there. */
class S3RecordingsTest {
    private static final String BUCKET = "callport-recordings";

    @TempDir
    Path dir;

    @Test
    void completedCallsKeepTheirRecordingsInTheConfiguredBucket() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start()) {
            S3Client client = s3.createBucket(BUCKET);
            Map<String, String> settings = Map.of("blob-store", "s3", "s3-bucket", BUCKET,
                    "s3-endpoint", s3.endpoint().toString(), "s3-access-key", S3ProxyServer.ACCESS_KEY,
                    "s3-secret-key", S3ProxyServer.SECRET_KEY);
            Path dataDir = dir.resolve("data");
            ServerConfig config = ServerConfig.embedded(dataDir).withPorts(0, 0)
                    .withBlobStore(BlobStoreSettings.from(settings::get, dataDir));
            try (TestServer server = TestServer.start(config, StandardExtensions.all())) {
                String key = server.ownerKey();
                JsonNode campaign = server.post("/api/v1/campaigns", key,
                        "{\"name\": \"Sales\", \"csvRequired\": true, \"batchWindowSeconds\": 1}").json();
                String campaignId = campaign.get("id").asText();
                assertThat(server.put("/api/v1/campaigns/" + campaignId + "/mapping", key, PipelineServer.MAPPING)
                        .status()).isEqualTo(200);
                assertThat(server.post("/api/v1/agents", key, "{\"externalId\": \"478\", \"name\": \"Ann Lee\"}")
                        .status()).isEqualTo(201);
                byte[] recording = Recordings.wav(1500);
                Path folder = Files.createDirectories(dataDir.resolve("landing").resolve("default")
                        .resolve(campaign.get("folder").asText()));
                drop(folder, "call-1.wav", recording);
                drop(folder, "calls.csv", ("call_id,agent,date,recording,queue\n"
                        + "C1,478,2026-01-05T09:00:00Z,call-1.wav,Billing\n").getBytes(StandardCharsets.UTF_8));

                JsonNode call = awaitCompletedCall(server, key, campaignId).get("call");
                assertThat(call.get("recordingStored").asBoolean()).isTrue();
                List<String> keys = client.listObjectsV2(b -> b.bucket(BUCKET)).contents().stream()
                        .map(S3Object::key).toList();
                assertThat(keys).singleElement().asString().contains(campaignId).contains(call.get("id").asText())
                        .endsWith("call-1.wav");
                ResponseBytes<GetObjectResponse> stored = client.getObjectAsBytes(b -> b.bucket(BUCKET)
                        .key(keys.getFirst()));
                assertThat(stored.asByteArray()).isEqualTo(recording);
                assertThat(dataDir.resolve(BlobStoreSettings.LOCAL_FOLDER)).doesNotExist();
            }
        }
    }

    /**
     * As a client that writes elsewhere and moves the finished file in; dated ten minutes back, so the folder scan
     * (every minute, for files quiet a minute) takes it at its first pass.
     */
    private void drop(Path folder, String name, byte[] content) throws Exception {
        Path staged = Files.write(dir.resolve(name), content);
        Files.setLastModifiedTime(staged, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
        Files.move(staged, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static JsonNode awaitCompletedCall(TestServer server, String key, String campaignId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        JsonNode items = null;
        while (System.nanoTime() < deadline) {
            items = server.get("/api/v1/calls?campaignId=" + campaignId, key).json().path("items");
            if (items.size() == 1 && items.get(0).path("status").asText().equals("COMPLETED")) {
                return server.get("/api/v1/calls/" + items.get(0).get("id").asText(), key).json();
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new AssertionError("No completed call within four minutes: " + items);
    }
}
