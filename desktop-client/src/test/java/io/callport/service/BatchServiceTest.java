package io.callport.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.mapping.FieldMapping;
import io.callport.mapping.FieldReferences;
import io.callport.validate.BatchFileKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchServiceTest {
    @TempDir
    Path dir;
    private final BatchService service = new BatchService(Clock.systemUTC());

    @Test
    void countsTheKindsOfFilesInFoldersAndTheirSizes() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("batch/nested"));
        Files.writeString(dir.resolve("batch/calls.csv"), "a,b\n1,2\n");
        Files.write(folder.resolve("call.wav"), new byte[100]);
        Files.write(folder.resolve("call.json"), "{}".getBytes(StandardCharsets.UTF_8));
        Files.write(folder.resolve(".hidden.wav"), new byte[7]);
        Files.write(dir.resolve("more.zip"), new byte[10]);

        CollectedBatch collected = service.collect(List.of(dir.resolve("batch"), dir.resolve("more.zip")));

        assertThat(collected.count(BatchFileKind.METADATA)).isEqualTo(1);
        assertThat(collected.count(BatchFileKind.RECORDING)).isEqualTo(1);
        assertThat(collected.count(BatchFileKind.SIDECAR)).isEqualTo(1);
        assertThat(collected.count(BatchFileKind.ARCHIVE)).isEqualTo(1);
        assertThat(collected.count(BatchFileKind.OTHER)).isZero();
        assertThat(collected.totalBytes()).isEqualTo(8 + 100 + 2 + 10);
        assertThat(collected.metadataBytes()).isEqualTo(8);
    }

    @Test
    void findsALineAsATextEditorNumbersItWhateverTheLineBreaks() throws IOException {
        Files.writeString(dir.resolve("calls.csv"), "\uFEFFheader\r\nsecond\rthird\nfourth");
        CollectedBatch collected = service.collect(List.of(dir.resolve("calls.csv")));

        assertThat(service.lineOf(collected, "calls.csv", 1, StandardCharsets.UTF_8)).hasValue("header");
        assertThat(service.lineOf(collected, "calls.csv", 2, StandardCharsets.UTF_8)).hasValue("second");
        assertThat(service.lineOf(collected, "calls.csv", 3, StandardCharsets.UTF_8)).hasValue("third");
        assertThat(service.lineOf(collected, "calls.csv", 4, StandardCharsets.UTF_8)).hasValue("fourth");
        assertThat(service.lineOf(collected, "calls.csv", 5, StandardCharsets.UTF_8)).isEmpty();
        assertThat(service.lineOf(collected, "other.csv", 1, StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aVeryLongLineIsShownCut() throws IOException {
        Files.writeString(dir.resolve("calls.csv"), "x".repeat(10_000) + "\n");
        CollectedBatch collected = service.collect(List.of(dir.resolve("calls.csv")));

        String line = service.lineOf(collected, "calls.csv", 1, StandardCharsets.UTF_8).orElseThrow();

        assertThat(line).hasSize(BatchService.LONGEST_LINE_SHOWN + 1).endsWith("x…");
    }

    @Test
    void validationReportsItsProgressAndStopsWhenCancelled() throws IOException {
        StringBuilder csv = new StringBuilder("id,agent,date\n");
        for (int i = 0; i < 200_000; i++) {
            csv.append("C").append(i).append(",ann,2026-11-03T04:35:00+01:00\n");
        }
        Files.writeString(dir.resolve("calls.csv"), csv);
        CollectedBatch collected = service.collect(List.of(dir.resolve("calls.csv")));
        FieldMapping mapping = new FieldMapping(null, new FieldReferences("agent", "date", "id", null), null, null,
                List.of(), null);
        List<Double> shares = new java.util.ArrayList<>();

        service.validate(collected, mapping, shares::add, () -> false);
        assertThat(shares).isNotEmpty().isSorted();
        assertThat(shares.getLast()).isEqualTo(1.0);

        List<Double> beforeCancel = new java.util.ArrayList<>();
        assertThatThrownBy(() -> service.validate(collected, mapping, beforeCancel::add,
                () -> !beforeCancel.isEmpty())).isInstanceOf(CancellationException.class);
        assertThat(beforeCancel).hasSize(1);
    }
}
