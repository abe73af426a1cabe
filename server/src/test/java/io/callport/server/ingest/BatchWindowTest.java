package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.callport.server.store.BatchStatus;
import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.IngestBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch waits out its window (an hour here) only while something may still come: once its CSV has come and every
 * row has found its recording, it closes at once.
 */
class BatchWindowTest extends RunningPipelineFixture {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int HOUR_WINDOW = 3600;
    private static final String CSV = """
            call_id,agent,date,recording,queue
            C1,478,2026-01-05T09:00:00Z,c1.wav,Billing
            C2,478,2026-01-05T10:00:00Z,c2.wav,Billing
            """;

    @Test
    void recordingsThenACsvNamingThemAllCloseTheBatchBeforeItsWindow() throws Exception {
        String campaign = server.campaign("Sales", true, HOUR_WINDOW);
        server.land(campaign, "c1.wav", Recordings.wav(500));
        server.land(campaign, "c2.wav", Recordings.wav(600));
        server.land(campaign, "calls.csv", CSV);

        List<IngestBatch> batches = server.awaitBatchesFinal(campaign, WAIT);

        assertThat(batches).singleElement().satisfies(batch -> {
            assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(batch.windowClosesAt()).isBefore(batch.createdAt().plusSeconds(HOUR_WINDOW));
        });
        assertThat(server.calls(campaign)).extracting(Call::contactReference, Call::status).containsExactlyInAnyOrder(
                tuple("C1", CallStatus.COMPLETED), tuple("C2", CallStatus.COMPLETED));
    }

    @Test
    void aCsvWhoseRecordingsComeAfterItClosesWithTheLastOne() throws Exception {
        String campaign = server.campaign("Sales", true, HOUR_WINDOW);
        server.land(campaign, "calls.csv", CSV);
        server.land(campaign, "c1.wav", Recordings.wav(500));
        awaitClosingLooked(campaign);
        assertThat(server.batches(campaign)).singleElement().extracting(IngestBatch::status)
                .isEqualTo(BatchStatus.DETECTING);

        server.land(campaign, "c2.wav", Recordings.wav(600));

        assertThat(server.awaitBatchesFinal(campaign, WAIT)).singleElement().extracting(IngestBatch::status)
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(server.calls(campaign)).extracting(Call::status).containsOnly(CallStatus.COMPLETED).hasSize(2);
    }

    @Test
    void aBatchWithARowWhoseRecordingHasNotComeWaitsForItsWindow() throws Exception {
        String campaign = server.campaign("Sales", true, HOUR_WINDOW);
        server.land(campaign, "c1.wav", Recordings.wav(500));
        server.land(campaign, "calls.csv", CSV);

        awaitClosingLooked(campaign);
        assertThat(server.batches(campaign)).singleElement().satisfies(batch -> {
            assertThat(batch.status()).isEqualTo(BatchStatus.DETECTING);
            assertThat(batch.open()).isTrue();
        });

        clock.advance(Duration.ofSeconds(HOUR_WINDOW + 60));
        server.awaitBatch(campaign, BatchStatus.WAITING_FOR_FILES, WAIT);
        assertThat(server.calls(campaign)).extracting(Call::contactReference, Call::status).containsExactlyInAnyOrder(
                tuple("C1", CallStatus.COMPLETED), tuple("C2", CallStatus.PENDING));
    }

    @Test
    void recordingsWithoutACsvKeepTheWindowOfACsvOptionalCampaign() throws Exception {
        String campaign = server.campaign("Sales", false, HOUR_WINDOW);
        server.land(campaign, "20260105-090000_inbound_478.wav", Recordings.wav(500));

        awaitClosingLooked(campaign);
        assertThat(server.batches(campaign)).singleElement().extracting(IngestBatch::status)
                .isEqualTo(BatchStatus.DETECTING);

        clock.advance(Duration.ofSeconds(HOUR_WINDOW + 60));
        assertThat(server.awaitBatchesFinal(campaign, WAIT)).singleElement().extracting(IngestBatch::status)
                .isEqualTo(BatchStatus.COMPLETED);
    }

    /** Waits until the batch's closing is queued for the end of its window, not sooner: it was looked at and waits. */
    private void awaitClosingLooked(String campaign) {
        PipelineServer.await(() -> {
            IngestBatch batch = server.batches(campaign).getFirst();
            Instant due = server.http().server().context().database().read(c -> {
                try (var statement = c.prepareStatement("SELECT run_after FROM work_items WHERE kind = 'CLOSE_BATCH' "
                        + "AND subject_id = ? AND claimed_by IS NULL")) {
                    statement.setString(1, batch.id());
                    try (var rows = statement.executeQuery()) {
                        return rows.next() ? io.callport.server.store.Sql.instant(rows, "run_after") : null;
                    }
                }
            });
            return due != null && !due.isBefore(batch.windowClosesAt()) ? due : null;
        }, WAIT, () -> "the closing of " + server.batches(campaign) + " to wait for the window");
    }
}
