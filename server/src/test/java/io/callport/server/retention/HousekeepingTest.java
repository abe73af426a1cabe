package io.callport.server.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.testsupport.MutableClock;
import io.callport.server.config.ServerConfig;
import io.callport.server.ingest.PipelineServer;
import io.callport.server.ingest.Recordings;
import io.callport.server.storage.BlobStoreSettings;
import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.IngestFile;
import io.callport.server.store.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processed files leave the landing area after 7 days; the campaign's retention choices delete the rest in time. */
class HousekeepingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    final MutableClock clock = MutableClock.running();
    PipelineServer server;
    String campaign;

    @BeforeEach
    void start() throws Exception {
        server = PipelineServer.start(ServerConfig.embedded(dataDir).withPorts(0, 0), PipelineServer.fast(), clock);
        server.agent("478", null, "Ann Lee");
        campaign = server.campaign("{\"name\": \"Sales\", \"csvRequired\": true, \"batchWindowSeconds\": 0, "
                + "\"retention\": {\"unprocessed\": \"P2M\", \"audioAndTranscripts\": \"P1M\", "
                + "\"metadataAndInsights\": \"P3M\"}}");
        String callTime = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        server.land(campaign, "c1.wav", Recordings.wav(400));
        server.land(campaign, "calls.csv", "call_id,agent,date,recording,queue\n"
                + "C1,478," + callTime + ",c1.wav,Billing\n"
                + "C2,478," + callTime + ",never-sent.wav,Billing\n");
        server.awaitBatch(campaign, io.callport.server.store.BatchStatus.WAITING_FOR_FILES, WAIT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void processedFilesArePurgedFromTheLandingAreaAfterAWeek() {
        Path processed = campaignDir().resolve("processed");
        assertThat(processed.resolve("c1.wav")).exists();

        clock.advance(Duration.ofDays(6));
        server.pipeline().houseKeepNow();
        assertThat(processed.resolve("c1.wav")).exists();

        clock.advance(Duration.ofDays(2));
        server.pipeline().houseKeepNow();
        assertThat(processed.resolve("c1.wav")).doesNotExist();
        assertThat(processed.resolve("calls.csv")).doesNotExist();
        List<IngestFile> files = server.pipeline().store().files().inBatch(server.batches(campaign).getFirst().id(),
                null, new Page(10, 0));
        assertThat(files).allSatisfy(file -> assertThat(file.purgedAt()).isNotNull());
        Call call = call("C1");
        assertThat(blob(call)).as("the stored recording stays").exists();
    }

    @Test
    void retentionFailsWhatNeverArrivedThenDeletesAudioAndMetadataInTurn() {
        Call completed = call("C1");
        Path stored = blob(completed);
        assertThat(stored).exists();

        clock.advance(Duration.ofDays(32));
        server.pipeline().houseKeepNow();
        assertThat(call("C2").status()).as("its recording never came within 30 days").isEqualTo(CallStatus.FAILED);
        assertThat(call("C2").reason()).startsWith("AUDIO_NOT_IN_BATCH: The recording never-sent.wav did not arrive");
        Call withoutAudio = call("C1");
        assertThat(withoutAudio.recordingKey()).as("audio after a month").isNull();
        assertThat(withoutAudio.audioDeletedAt()).isNotNull();
        assertThat(stored).doesNotExist();

        clock.advance(Duration.ofDays(32));
        server.pipeline().houseKeepNow();
        assertThat(server.calls(campaign)).extracting(Call::contactReference).as("unprocessed data after two months")
                .containsExactly("C1");

        clock.advance(Duration.ofDays(31));
        server.pipeline().houseKeepNow();
        assertThat(server.calls(campaign)).as("metadata after three months").isEmpty();
        assertThat(server.pipeline().store().calls().versions(completed.id())).isEmpty();
    }

    private Call call(String reference) {
        return server.calls(campaign).stream().filter(c -> c.contactReference().equals(reference)).findFirst()
                .orElseThrow();
    }

    private Path blob(Call call) {
        return dataDir.resolve(BlobStoreSettings.LOCAL_FOLDER).resolve(call.recordingKey());
    }

    private Path campaignDir() {
        return server.landingRoot().resolve(server.folder(campaign).orgFolder())
                .resolve(server.folder(campaign).campaignFolder());
    }
}
