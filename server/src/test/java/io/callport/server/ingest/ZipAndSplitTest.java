package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.callport.server.store.BatchStatus;
import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.CsvRow;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.Page;
import io.callport.server.store.RowOutcome;
import io.callport.validate.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zip's entries go through the pipeline like landed files; a CSV over 10,000 rows is read in parts, in order. */
class ZipAndSplitTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;
    PipelineServer server;

    @BeforeEach
    void start() throws Exception {
        server = PipelineServer.start(dataDir);
        server.agent("478", null, "Ann Lee");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aZipOfRecordingsAndTheirCsvIsReadEntryByEntry() throws Exception {
        String campaign = server.campaign("Sales", true, 1);
        byte[] zip = zip(Map.of(
                "calls.csv", ("call_id,agent,date,recording,queue\n"
                        + "Z1,478,2026-01-05T09:00:00Z,z1.wav,Billing\n"
                        + "Z2,478,2026-01-05T09:00:00Z,z2.wav,Billing\n").getBytes(StandardCharsets.UTF_8),
                "audio/z1.wav", Recordings.wav(400),
                "audio/z2.wav", Recordings.wav(500),
                "nested/inner.zip", zip(Map.of("x.wav", Recordings.wav(100))),
                "readme.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));

        server.land(campaign, "batch.zip", zip);
        IngestBatch batch = server.awaitBatchesFinal(campaign, WAIT).getFirst();

        assertThat(server.calls(campaign)).extracting(Call::contactReference, Call::status, Call::recordingName)
                .containsExactlyInAnyOrder(tuple("Z1", CallStatus.COMPLETED, "z1.wav"),
                        tuple("Z2", CallStatus.COMPLETED, "z2.wav"));
        List<IngestFile> files = server.pipeline().store().files().inBatch(batch.id(), null, new Page(20, 0));
        assertThat(files).extracting(IngestFile::path, IngestFile::status).containsExactlyInAnyOrder(
                tuple("batch.zip", FileStatus.COMPLETED),
                tuple("batch.zip!/calls.csv", FileStatus.COMPLETED),
                tuple("batch.zip!/audio/z1.wav", FileStatus.COMPLETED),
                tuple("batch.zip!/audio/z2.wav", FileStatus.COMPLETED),
                tuple("batch.zip!/nested/inner.zip", FileStatus.SKIPPED),
                tuple("batch.zip!/readme.pdf", FileStatus.SKIPPED));
        assertThat(batch.status()).isEqualTo(BatchStatus.INCOMPLETE);
        Path unzipped = server.landingRoot().resolve(LandedFiles.UNZIPPED);
        PipelineServer.await(() -> isEmpty(unzipped) ? true : null, WAIT,
                () -> "unpacked entries to be removed once their batch finished");
    }

    @Test
    void aCsvOverTenThousandRowsIsReadInPartsWithDuplicatesFoundAcrossThem() throws Exception {
        String campaign = server.campaign("Sales", true, 1);
        int rows = 2 * Limits.CSV_SPLIT_ROWS + 5;
        StringBuilder csv = new StringBuilder("call_id,agent,date,recording,queue\n");
        for (int i = 0; i < rows; i++) {
            String reference = i == rows - 1 ? "R7" : "R" + i;
            csv.append(reference).append(",478,2026-01-05T09:00:00Z,r").append(i).append(".wav,Billing\n");
        }
        server.land(campaign, "big.csv", csv.toString());

        IngestBatch batch = server.awaitBatch(campaign, BatchStatus.WAITING_FOR_FILES, WAIT);

        IngestFile file = server.pipeline().store().files().inBatch(batch.id(), null, new Page(5, 0)).getFirst();
        assertThat(file.partsDone()).isEqualTo(2);
        assertThat(file.reason()).isEqualTo("Read 20,005 data rows: 20,004 made or updated calls, 1 were refused "
                + "(see failed/big-failed-rows.csv).");
        List<CsvRow> refused = server.pipeline().store().rows().rows(file.id(), RowOutcome.FAILED, new Page(5, 0));
        assertThat(refused).extracting(CsvRow::line, CsvRow::reason).containsExactly(tuple((long) rows + 1,
                "REFERENCE_DUPLICATE: The contact reference R7 was already used on line 9; each call needs its own."));
        assertThat(server.pipeline().store().rows().rows(file.id(), RowOutcome.WAITING, new Page(1000, 0)))
                .hasSize(1000).extracting(CsvRow::line).isSorted();
        assertThat(server.pipeline().store().batches().counts(batch.id()).callsWaitingForRecordings())
                .isEqualTo(rows - 1);
    }

    private static boolean isEmpty(Path folder) {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
