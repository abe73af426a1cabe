package io.callport.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.csv.CsvRow;
import io.callport.mapping.CsvDialect;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.FieldReferences;
import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import io.callport.validate.ValidationReport;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleServiceTest {
    private static final String HEADER = "id,agent,date,notes\n";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final SampleService service = new SampleService(CLOCK);

    @Test
    void aSmallFileIsReadWholeAndPreviewedRowByRowWithItsLines() throws IOException {
        Path file = Files.writeString(dir.resolve("calls.csv"), HEADER
                + "C1,ann,2026-11-03T04:35:00+01:00,\"two\nlines\"\n"
                + "C2,bob,2026-11-03T05:35:00+01:00,plain\n");

        Sample sample = service.load(file);
        SamplePreview preview = service.preview(sample, sample.detected().dialect());

        assertThat(sample.complete()).isTrue();
        assertThat(sample.size()).isEqualTo(Files.size(file));
        assertThat(preview.header()).containsExactly("id", "agent", "date", "notes");
        assertThat(preview.rows()).extracting(CsvRow::line).containsExactly(2L, 4L);
        assertThat(preview.rows().getFirst().cells()[3]).isEqualTo("two\nlines");
        assertThat(preview.checked()).isEqualTo(Files.readAllBytes(file));
        assertThat(preview.problem()).isNull();
    }

    @Test
    void aLargeFileIsReadOnlyToItsFirst64KilobytesAndItsCutRowIsLeftOut() throws IOException {
        Path file = dir.resolve("large.csv");
        writeRows(file, StandardCharsets.UTF_8, ",", 20_000);

        Sample sample = service.load(file);
        SamplePreview preview = service.preview(sample, sample.detected().dialect());

        assertThat(sample.complete()).isFalse();
        assertThat(sample.head()).hasSize(SampleService.SAMPLE_BYTES);
        CsvRow last = preview.rows().getLast();
        assertThat(last.cells()).hasSize(4);
        String checked = new String(preview.checked(), StandardCharsets.UTF_8);
        assertThat(checked).endsWith(String.join(",", last.cells()) + "\n");
        assertThat(checked.lines().count()).isEqualTo(preview.rows().size() + 1);
    }

    @Test
    void aQuotedCellCutByTheSampleEndsThePreviewBeforeItsRow() throws IOException {
        Path file = dir.resolve("quoted.csv");
        StringBuilder text = new StringBuilder(HEADER);
        int row = 0;
        while (text.length() < SampleService.SAMPLE_BYTES - 100) {
            text.append("C").append(++row).append(",ann,2026-11-03T04:35:00+01:00,short\n");
        }
        int brokenLine = row + 2;
        text.append("C").append(++row).append(",ann,2026-11-03T04:35:00+01:00,\"").append("long note ".repeat(100))
                .append("\"\n");
        text.append("C").append(++row).append(",ann,2026-11-03T04:35:00+01:00,after\n");
        Files.writeString(file, text);

        Sample sample = service.load(file);
        SamplePreview preview = service.preview(sample, sample.detected().dialect());
        ValidationReport report = service.validate(sample, preview, mapping(sample.detected().dialect()));

        assertThat(preview.rows().getLast().line()).isEqualTo(brokenLine - 1);
        assertThat(preview.problem()).isNull();
        assertThat(report.issues()).isEmpty();
    }

    @Test
    void anUnclosedQuoteInAWholeFileIsReported() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.csv"), HEADER
                + "C1,ann,2026-11-03T04:35:00+01:00,\"never closed\nC2,bob,2026-11-03T05:35:00+01:00,x\n");

        Sample sample = service.load(file);
        SamplePreview preview = service.preview(sample, sample.detected().dialect());

        assertThat(preview.problem()).contains("line 2");
        assertThat(preview.rows()).isEmpty();
    }

    @Test
    void excelUnicodeTextIsCutOnWholeUtf16Lines() throws IOException {
        Path file = dir.resolve("unicode.txt");
        writeRows(file, StandardCharsets.UTF_16LE, "\t", 5_000);
        CsvDialect dialect = new CsvDialect("\t", "\"", true, 0, "UTF-16LE");

        Sample sample = service.load(file);
        SamplePreview preview = service.preview(sample, dialect);
        ValidationReport report = service.validate(sample, preview, mapping(dialect));

        assertThat(preview.header()).containsExactly("id", "agent", "date", "notes");
        assertThat(preview.rows()).hasSizeGreaterThan(100);
        assertThat(preview.checked().length % 2).isZero();
        assertThat(report.issues()).isEmpty();
    }

    @Test
    void validationNamesTheSampleAndTheLinesAsTheFileHasThem() throws IOException {
        Path file = Files.writeString(dir.resolve("calls.csv"), HEADER
                + "C1,ann,2026-11-03T04:35:00+01:00,ok\n"
                + "C2,bob,yesterday,\"two\nlines\"\n"
                + "C3,cat,tomorrow,ok\n");
        Sample sample = service.load(file);
        SamplePreview preview = service.preview(sample, sample.detected().dialect());

        ValidationReport report = service.validate(sample, preview, mapping(sample.detected().dialect()));

        assertThat(report.issues()).extracting(Issue::code, Issue::file, Issue::line, Issue::column, Issue::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(IssueCode.DATE_UNPARSABLE, "calls.csv", 3L, "date", "yesterday"),
                        org.assertj.core.groups.Tuple.tuple(IssueCode.DATE_UNPARSABLE, "calls.csv", 5L, "date", "tomorrow"));
        assertThat(Files.list(dir)).containsExactly(file);
    }

    private static FieldMapping mapping(CsvDialect dialect) {
        return new FieldMapping(dialect, new FieldReferences("agent", "date", "id", null), null, null, List.of(), null);
    }

    private static void writeRows(Path file, Charset charset, String delimiter, int rows) throws IOException {
        StringBuilder text = new StringBuilder(HEADER.replace(",", delimiter));
        for (int i = 1; i <= rows; i++) {
            text.append(String.join(delimiter, "C" + i, "agent" + i % 7, "2026-11-03T04:35:00+01:00", "note " + i))
                    .append('\n');
        }
        Files.writeString(file, text, charset);
    }
}
