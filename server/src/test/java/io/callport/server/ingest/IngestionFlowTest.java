package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.callport.server.store.BatchStatus;
import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.CallMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings and a CSV dropped into a campaign folder end as completed calls, whichever comes first. */
class IngestionFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    PipelineServer server;

    @BeforeEach
    void start() throws Exception {
        server = PipelineServer.start(dataDir);
        server.agent("478", null, "Ann Lee");
        server.agent(null, "bob@example.com", "Bob Stone");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void recordingsThenCsvBecomeCompletedCalls() throws Exception {
        String campaign = server.campaign("Sales", true, 1);
        server.land(campaign, "c1.wav", Recordings.wav(1500, 2, 8000));
        server.land(campaign, "c2.wav", Recordings.wav(700));
        server.land(campaign, "calls.csv", """
                call_id,agent,date,recording,queue
                C1,478,2026-01-05T09:00:00+01:00,c1.wav,Billing
                C2,bob@example.com,2026-01-05T10:00:00Z,c2.wav,Sales
                """);

        List<io.callport.server.store.IngestBatch> batches = server.awaitBatchesFinal(campaign, WAIT);

        assertThat(batches).hasSize(1);
        assertThat(batches.getFirst().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(batches.getFirst().reason()).isEqualTo("2 calls completed.");
        List<Call> calls = server.calls(campaign);
        assertThat(calls).extracting(Call::contactReference, Call::status, Call::agentIdentifier, Call::source)
                .containsExactlyInAnyOrder(tuple("C1", CallStatus.COMPLETED, "478", "SFTP"),
                        tuple("C2", CallStatus.COMPLETED, "bob@example.com", "SFTP"));
        Call first = calls.stream().filter(c -> c.contactReference().equals("C1")).findFirst().orElseThrow();
        assertThat(first.media()).isEqualTo(new CallMedia("WAV", "pcm_s16le", 1500L, 2, 8000));
        assertThat(first.contactAt()).isEqualTo(java.time.Instant.parse("2026-01-05T08:00:00Z"));
        assertThat(first.contactAtText()).isEqualTo("2026-01-05T09:00:00+01:00");
        assertThat(first.metadata()).containsEntry("Queue", "Billing");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.agentId()).isNotNull();
        Path stored = dataDir.resolve(Pipeline.RECORDINGS_FOLDER).resolve(first.recordingKey());
        assertThat(stored).hasSameBinaryContentAs(campaignDir(campaign).resolve("processed/c1.wav"));
        assertThat(campaignDir(campaign).resolve("processed")).isDirectoryContaining("glob:**/calls.csv");
        assertThat(campaignDir(campaign).resolve("c1.wav")).doesNotExist();
        assertThat(campaignDir(campaign).resolve("failed")).doesNotExist();
    }

    private Path campaignDir(String campaign) {
        return server.landingRoot().resolve(server.folder(campaign).orgFolder())
                .resolve(server.folder(campaign).campaignFolder());
    }
}
