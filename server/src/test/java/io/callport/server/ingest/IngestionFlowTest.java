package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.callport.server.storage.BlobStoreSettings;
import io.callport.server.store.BatchCounts;
import io.callport.server.store.BatchStatus;
import io.callport.server.store.RowOutcome;
import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.CallMedia;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.Page;
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

        List<IngestBatch> batches = server.awaitBatchesFinal(campaign, WAIT);

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
        Path stored = dataDir.resolve(BlobStoreSettings.LOCAL_FOLDER).resolve(first.recordingKey());
        assertThat(stored).hasSameBinaryContentAs(campaignDir(campaign).resolve("processed/c1.wav"));
        assertThat(campaignDir(campaign).resolve("processed")).isDirectoryContaining("glob:**/calls.csv");
        assertThat(campaignDir(campaign).resolve("c1.wav")).doesNotExist();
        assertThat(campaignDir(campaign).resolve("failed")).doesNotExist();
    }

    @Test
    void aCsvBeforeItsRecordingsWaitsForThemAcrossBatches() throws Exception {
        String campaign = server.campaign("Sales", true, 1);
        server.land(campaign, "calls.csv", """
                call_id,agent,date,recording,queue
                C1,478,2026-01-05T09:00:00Z,c1.wav,Billing
                C2,478,2026-01-05T10:00:00Z,c2.wav,Billing
                """);
        IngestBatch csvBatch = server.awaitBatch(campaign, BatchStatus.WAITING_FOR_FILES, WAIT);
        assertThat(csvBatch.reason()).isEqualTo("2 calls or sidecars wait for their recordings; they wait up to 30 days.");
        assertThat(server.calls(campaign)).extracting(Call::status, Call::reason).containsOnly(
                tuple(CallStatus.PENDING, "Waiting for the recording c1.wav until " + Texts.when(
                        server.calls(campaign).getFirst().waitingUntil()) + "."),
                tuple(CallStatus.PENDING, "Waiting for the recording c2.wav until " + Texts.when(
                        server.calls(campaign).getFirst().waitingUntil()) + "."));

        server.land(campaign, "c1.wav", Recordings.wav(500));
        server.land(campaign, "c2.wav", Recordings.wav(600));

        List<IngestBatch> batches = server.awaitBatchesFinal(campaign, WAIT);
        assertThat(batches).extracting(IngestBatch::status).containsOnly(BatchStatus.COMPLETED);
        assertThat(batches).hasSize(2);
        assertThat(server.calls(campaign)).extracting(Call::status).containsOnly(CallStatus.COMPLETED);
        assertThat(server.calls(campaign)).extracting(Call::batchId).containsOnly(csvBatch.id());
    }

    @Test
    void recordingsWaitForTheirCsvWhenTheCampaignRequiresOne() throws Exception {
        String campaign = server.campaign("Sales", true, 1);
        server.land(campaign, "c1.wav", Recordings.wav(500));

        IngestBatch waiting = server.awaitBatch(campaign, BatchStatus.WAITING_FOR_CSV, WAIT);
        assertThat(waiting.reason()).startsWith("1 recordings wait for the metadata");
        assertThat(server.calls(campaign)).isEmpty();

        server.land(campaign, "calls.csv", """
                call_id,agent,date,recording,queue
                C1,478,2026-01-05T09:00:00Z,c1.wav,Billing
                """);
        assertThat(server.awaitBatchesFinal(campaign, WAIT)).extracting(IngestBatch::status)
                .containsOnly(BatchStatus.COMPLETED);
        assertThat(server.calls(campaign)).singleElement().extracting(Call::status).isEqualTo(CallStatus.COMPLETED);
    }

    @Test
    void theSameNameOrContentAgainIsADuplicateAndAFailedFileMayBeSentAgain() throws Exception {
        String campaign = server.campaign("Sales", true, 1);
        byte[] recording = Recordings.wav(500);
        server.land(campaign, "c1.wav", recording);
        server.land(campaign, "broken.wav", new byte[0]);
        server.land(campaign, "calls.csv", """
                call_id,agent,date,recording,queue
                C1,478,2026-01-05T09:00:00Z,c1.wav,Billing
                C2,478,2026-01-05T09:00:00Z,broken.wav,Billing
                """);
        server.awaitBatchesFinal(campaign, WAIT);

        server.land(campaign, "c1.wav", Recordings.wav(900));
        server.land(campaign, "copy-of-c1.wav", recording);
        server.land(campaign, "broken.wav", Recordings.wav(800));
        List<IngestBatch> batches = server.awaitBatchesFinal(campaign, WAIT);

        List<IngestFile> second = server.pipeline().store().files().inBatch(batches.getFirst().id(), null,
                new Page(10, 0));
        assertThat(second).extracting(IngestFile::name, IngestFile::status).containsExactly(
                tuple("c1.wav", FileStatus.DUPLICATE), tuple("copy-of-c1.wav", FileStatus.DUPLICATE),
                tuple("broken.wav", FileStatus.COMPLETED));
        assertThat(batches).as("the first batch's broken.wav did fail").extracting(IngestBatch::status)
                .containsExactly(BatchStatus.COMPLETED, BatchStatus.INCOMPLETE);
        assertThat(second.get(0).reason()).startsWith("FILE_DUPLICATE: A file named c1.wav was already received on ");
        assertThat(second.get(1).reason()).startsWith("FILE_DUPLICATE: copy-of-c1.wav has the same content as c1.wav");
        assertThat(server.calls(campaign)).as("the call whose recording failed took the one sent again")
                .extracting(Call::contactReference, Call::status, Call::version)
                .containsExactlyInAnyOrder(tuple("C1", CallStatus.COMPLETED, 1), tuple("C2", CallStatus.COMPLETED, 1));
    }

    @Test
    void refusedRowsGoToAFailedRowsCsvWithTheirReasons() throws Exception {
        String campaign = server.campaign("Sales", true, 1);
        List<String> names = List.of("a.wav", "b.wav", "c.wav", "d.wav", "e.wav");
        for (int i = 0; i < names.size(); i++) {
            server.land(campaign, names.get(i), Recordings.wav(300 + 10 * i));
        }
        server.land(campaign, "empty.wav", new byte[0]);
        server.land(campaign, "calls.csv", """
                call_id,agent,date,recording,queue
                C1,478,2026-01-05T09:00:00Z,a.wav,Billing
                C2,,2026-01-05T09:00:00Z,b.wav,Billing
                C3,478,05/01/2026,c.wav,"Billing, 2nd line"
                C4,nobody@example.com,2026-01-05T09:00:00Z,d.wav,Billing
                C1,478,2026-01-05T09:00:00Z,e.wav,Billing
                C6,478,2026-01-05T09:00:00Z,empty.wav,Billing
                """);

        IngestBatch batch = server.awaitBatch(campaign, BatchStatus.WAITING_FOR_CSV, WAIT);

        assertThat(batch.reason()).as("the recordings of refused rows wait for fixed rows").isEqualTo("4 recordings "
                + "wait for the metadata (CSV rows or sidecars) that names them; they wait up to 30 days.");
        BatchCounts counts = server.pipeline().store().batches().counts(batch.id());
        assertThat(counts.rows()).containsOnly(entry(RowOutcome.COMPLETED, 1L), entry(RowOutcome.FAILED, 4L),
                entry(RowOutcome.SKIPPED, 1L));
        assertThat(counts.calls()).containsOnly(entry(CallStatus.COMPLETED, 1L), entry(CallStatus.FAILED, 1L));
        Path report = campaignDir(campaign).resolve("failed/calls-failed-rows.csv");
        // the report is written again just after the batch stops processing, with the row whose recording failed
        String written = PipelineServer.await(() -> contentOf(report).contains("C6,") ? contentOf(report) : null,
                WAIT, () -> "the report of " + report);
        assertThat(written).isEqualTo("""
                call_id,agent,date,recording,queue,callport_error
                C2,,2026-01-05T09:00:00Z,b.wav,Billing,VALUE_REQUIRED: The agent is empty; every call needs one (column agent).
                C3,478,05/01/2026,c.wav,"Billing, 2nd line","DATE_UNPARSABLE: '05/01/2026' is not a date in the expected format (ISO 8601 with an offset, like 2019-05-03T09:27:23+00:00)."
                C4,nobody@example.com,2026-01-05T09:00:00Z,d.wav,Billing,"AGENT_UNMAPPED: The agent nobody@example.com has no agent mapping, so this call was skipped. Add the agent under Agents (or turn on agent creation for the campaign), then send the row again."
                C1,478,2026-01-05T09:00:00Z,e.wav,Billing,REFERENCE_DUPLICATE: The contact reference C1 was already used on line 2; each call needs its own.
                C6,478,2026-01-05T09:00:00Z,empty.wav,Billing,MEDIA_EMPTY: empty.wav is empty (0 bytes).
                """);
        assertThat(campaignDir(campaign).resolve("processed/calls.csv")).exists();
        assertThat(campaignDir(campaign).resolve("failed/empty.wav")).exists();
        assertThat(campaignDir(campaign).resolve("b.wav")).as("a recording whose row failed waits for a fixed row")
                .exists();
        IngestFile csv = server.pipeline().store().files().inBatch(batch.id(), FileStatus.COMPLETED, new Page(10, 0))
                .stream().filter(f -> f.name().equals("calls.csv")).findFirst().orElseThrow();
        assertThat(csv.reason()).isEqualTo("Read 6 data rows: 2 made or updated calls, 4 were refused (see "
                + "failed/calls-failed-rows.csv).");
    }

    private static String contentOf(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path campaignDir(String campaign) {
        return server.landingRoot().resolve(server.folder(campaign).orgFolder())
                .resolve(server.folder(campaign).campaignFolder());
    }
}
