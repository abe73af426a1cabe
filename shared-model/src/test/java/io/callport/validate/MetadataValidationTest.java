package io.callport.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.callport.mapping.CsvDialect;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.FieldReferences;
import io.callport.mapping.MappingJson;
import io.callport.mapping.MetadataColumn;
import io.callport.mapping.MetadataType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataValidationTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
    static final String ISSUE_MAPPING = """
            {
              "dialect": {"delimiter": ",", "quote": "\\"", "header": true, "skipRows": 0, "encoding": "UTF-8"},
              "fields": {"agentId": "agent_email", "contactDate": "contact_date",
                         "contactReference": "conversation_id", "audioFilename": "audio_filename"},
              "dateFormat": "ISO_OFFSET_DATE_TIME",
              "metadata": [{"column": "queue", "name": "Queue", "type": "string"},
                           {"column": "duration_seconds", "name": "Duration", "type": "integer"}]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theEvaluagentStyleFixtureWithItsRecordingsIsValid() throws Exception {
        Path csv = fixture("evaluagent-style.csv");
        List<BatchFile> recordings = new java.util.ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            recordings.add(recording("call-%04d.wav".formatted(i)));
        }
        Path renamed = write("mp3-names.csv", Files.readString(csv).replace(".mp3", ".wav"));

        ValidationReport report = validate(MappingJson.parse(ISSUE_MAPPING), renamed, recordings);

        assertThat(report.issues()).isEmpty();
        assertThat(report.errors()).isZero();
    }

    @Test
    void reportsEveryRowProblemWithItsLineAndColumn() throws Exception {
        Path csv = write("batch.csv", """
                conversation_id,agent_email,contact_date,audio_filename,queue,duration_seconds
                C1,ann@example.com,2026-11-03T04:35:00+01:00,a.wav,Billing,10
                C2,,2026-11-03T04:35:00+01:00,b.wav,Billing,11
                C3,ann@example.com,03/11/2026,c.wav,Billing,12
                C4,ann@example.com,2027-01-01T00:00:00Z,a.wav,Billing,13
                C1,ann@example.com,2026-11-03T04:35:00Z,a.wav,=HYPERLINK("x"),14
                C6,ann@example.com,2026-11-03T04:35:00Z,missing.mp3,Billing,fifteen
                C7,ann@example.com,2026-11-03T04:35:00Z,a.wav
                C8,ann@example.com,2026-11-03T04:35:00Z,a.wav,Billing,16,extra
                """);
        List<BatchFile> recordings = List.of(recording("a.wav"), recording("b.wav"), recording("c.wav"),
                recording("unused.wav"));

        ValidationReport report = validate(MappingJson.parse(ISSUE_MAPPING), csv, recordings);

        assertThat(report.issues()).extracting(Issue::code, Issue::line, Issue::column, Issue::value).containsExactly(
                tuple(IssueCode.VALUE_REQUIRED, 3L, "agent_email", ""),
                tuple(IssueCode.DATE_UNPARSABLE, 4L, "contact_date", "03/11/2026"),
                tuple(IssueCode.DATE_IN_FUTURE, 5L, "contact_date", "2027-01-01T00:00:00Z"),
                tuple(IssueCode.REFERENCE_DUPLICATE, 6L, "conversation_id", "C1"),
                tuple(IssueCode.FORMULA_INJECTION, 6L, "queue", "=HYPERLINK(\"x\")"),
                tuple(IssueCode.AUDIO_NOT_IN_BATCH, 7L, "audio_filename", "missing.mp3"),
                tuple(IssueCode.VALUE_INVALID, 7L, "duration_seconds", "fifteen"),
                tuple(IssueCode.ROW_TOO_FEW_CELLS, 8L, null, null),
                tuple(IssueCode.ROW_TOO_MANY_CELLS, 9L, null, null),
                tuple(IssueCode.RECORDING_UNREFERENCED, 0L, null, null));
        assertThat(report.issues().getLast().file()).isEqualTo("unused.wav");
        assertThat(report.errors()).isEqualTo(8);
        assertThat(report.warnings()).isEqualTo(2);
        assertThat(report.issues().get(3).message()).contains("line 2");
    }

    @Test
    void headerProblemsAndMissingColumnsAreReportedOnTheHeaderLine() throws Exception {
        Path csv = write("header.csv", """
                Export of 2026-11-03
                conversation_id,agent_email,,queue,queue
                C1,ann@example.com,x,Billing,Orders
                """);
        FieldMapping mapping = minimalMapping(CsvDialect.DEFAULT.withSkipRows(1));

        ValidationReport report = validate(mapping, csv, null);

        assertThat(report.issues()).extracting(Issue::code, Issue::line, Issue::column).containsExactly(
                tuple(IssueCode.HEADER_BLANK, 2L, "3"),
                tuple(IssueCode.HEADER_DUPLICATE, 2L, "queue"),
                tuple(IssueCode.COLUMN_MISSING, 2L, "contact_date"));
    }

    @Test
    void linesCountQuotedLineBreaksAsAnEditorShowsThem() throws Exception {
        FieldMapping mapping = excelMapping();
        Path csv = dir.resolve("export.csv");
        String fixture = Files.readString(fixture("excel-export-bom-crlf.csv"), StandardCharsets.UTF_8);
        // row 9006 sits on line 8 because the Notes cell of row 9005 spans lines 6 and 7
        Files.writeString(csv, fixture.replace("9006,A102,02/11/2026 13:00:00", "9006,A102,31/02/2026 13:00:00"));

        ValidationReport report = validate(mapping, csv, null);

        assertThat(report.issues()).extracting(Issue::code, Issue::line, Issue::column, Issue::value)
                .containsExactly(tuple(IssueCode.DATE_UNPARSABLE, 8L, "Call Start (UTC)", "31/02/2026 13:00:00"));
    }

    @Test
    void theExcelExportWithBomAndCrlfIsValidWithAPatternAndZone() throws Exception {
        ValidationReport report = validate(excelMapping(), fixture("excel-export-bom-crlf.csv"), null);

        assertThat(report.issues()).isEmpty();
    }

    @Test
    void bytesInvalidInTheEncodingAreReportedAtTheirCell() throws Exception {
        Path csv = dir.resolve("latin.csv");
        byte[] header = "conversation_id,agent_email,contact_date\nC1,ann@example.com,2026-11-03T04:35:00Z\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] latin = "C2,Ren\u00e9e,2026-11-03T04:35:00Z\n".getBytes(Charset.forName("windows-1252"));
        Files.write(csv, concat(header, latin));

        ValidationReport report = validate(minimalMapping(CsvDialect.DEFAULT), csv, null);

        assertThat(report.issues()).extracting(Issue::code, Issue::line, Issue::column)
                .containsExactly(tuple(IssueCode.ENCODING_INVALID, 3L, "agent_email"));
        assertThat(report.issues().getFirst().message()).contains("UTF-8");

        ValidationReport asWindows1252 = validate(minimalMapping(CsvDialect.DEFAULT.withEncoding("windows-1252")),
                csv, null);
        assertThat(asWindows1252.issues()).isEmpty();
    }

    @Test
    void utf16WithBomAndSemicolonsWithoutHeaderAreRead() throws Exception {
        Path csv = dir.resolve("utf16.csv");
        Files.write(csv, concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "C1;ann@example.com;2026-11-03T04:35:00Z\nC2;bob@example.com;nope\n"
                        .getBytes(StandardCharsets.UTF_16LE)));
        FieldMapping mapping = new FieldMapping(new CsvDialect(";", "\"", false, 0, "UTF-16"),
                new FieldReferences("2", "3", "1", null), null, null, List.of(), null);

        ValidationReport report = validate(mapping, csv, null);

        assertThat(report.issues()).extracting(Issue::code, Issue::line, Issue::column, Issue::value)
                .containsExactly(tuple(IssueCode.DATE_UNPARSABLE, 2L, "3", "nope"));
    }

    @Test
    void anUnclosedQuoteStopsTheFileWithItsStartingLine() throws Exception {
        Path csv = write("quote.csv", """
                conversation_id,agent_email,contact_date
                C1,ann@example.com,2026-11-03T04:35:00Z
                C2,"ann@example.com,2026-11-03T04:35:00Z
                C3,ann@example.com,2026-11-03T04:35:00Z
                """);

        ValidationReport report = validate(minimalMapping(CsvDialect.DEFAULT), csv, null);

        assertThat(report.issues()).extracting(Issue::code, Issue::line)
                .containsExactly(tuple(IssueCode.QUOTE_UNCLOSED, 3L));
    }

    @Test
    void aFileOverTheSplitSizeGetsANoteAndAnEmptyFileAnError() throws Exception {
        StringBuilder csv = new StringBuilder("conversation_id,agent_email,contact_date\n");
        for (int i = 0; i <= Limits.CSV_SPLIT_ROWS; i++) {
            csv.append("C").append(i).append(",ann@example.com,2026-11-03T04:35:00Z\n");
        }
        Path big = write("big.csv", csv.toString());
        Path empty = write("empty.csv", "");

        ValidationReport report = validate(minimalMapping(CsvDialect.DEFAULT), big, null);
        ValidationReport emptyReport = validate(minimalMapping(CsvDialect.DEFAULT), empty, null);

        assertThat(report.issues()).extracting(Issue::code, Issue::severity)
                .containsExactly(tuple(IssueCode.FILE_SPLIT, Severity.INFO));
        assertThat(report.issues().getFirst().message()).contains("10001 rows");
        assertThat(emptyReport.issues()).extracting(Issue::code).containsExactly(IssueCode.FILE_EMPTY);
    }

    @Test
    void aFileWithFewerLinesThanTheTitleLinesToSkipIsEmpty() throws Exception {
        // found by MetadataFuzzTest: skipping the title lines threw out of the validator and ended the whole batch
        Path shortFile = write("short.csv", "Export of 2026-11-03\n");
        FieldMapping mapping = minimalMapping(CsvDialect.DEFAULT.withSkipRows(2));

        ValidationReport report = validate(mapping, shortFile, null);

        assertThat(report.issues()).extracting(Issue::code, Issue::file, Issue::message)
                .containsExactly(tuple(IssueCode.FILE_EMPTY, "short.csv", "short.csv has no rows."));
    }

    @Test
    void aRowOfTenThousandCellsIsReadButOneMoreStopsTheFile() throws Exception {
        String header = "conversation_id,agent_email,contact_date\n";
        String wideRow = "C2,ann@example.com,2026-11-03T04:35:00Z" + ",x".repeat(10_000 - 3) + "\n";
        String lastRow = "C3,,2026-11-03T04:35:00Z\n";
        Path widest = write("widest.csv", header + wideRow + lastRow);
        Path tooWide = write("too-wide.csv", header + wideRow.replace("\n", ",x\n") + lastRow);

        ValidationReport widestReport = validate(minimalMapping(CsvDialect.DEFAULT), widest, null);
        ValidationReport tooWideReport = validate(minimalMapping(CsvDialect.DEFAULT), tooWide, null);

        assertThat(widestReport.issues()).extracting(Issue::code, Issue::line).containsExactly(
                tuple(IssueCode.ROW_TOO_MANY_CELLS, 2L), tuple(IssueCode.VALUE_REQUIRED, 3L));
        assertThat(tooWideReport.issues()).extracting(Issue::code, Issue::line)
                .containsExactly(tuple(IssueCode.ROW_TOO_MANY_CELLS, 2L));
        assertThat(tooWideReport.issues().getFirst().message()).isEqualTo("The row starting on line 2 has more than"
                + " 10000 cells, far more than any metadata file; the rest of the file cannot be read. Check that the"
                + " mapping's delimiter is the file's.");
    }

    @Test
    void cellsThatTogetherPassAMillionCharactersStopTheFile() throws Exception {
        String cell = "y".repeat(400_000);
        Path csv = write("long-row.csv", "conversation_id,agent_email,contact_date\nC1," + cell + "," + cell + ","
                + cell + "\nC2,,2026-11-03T04:35:00Z\n");

        ValidationReport report = validate(minimalMapping(CsvDialect.DEFAULT), csv, null);

        assertThat(report.issues()).extracting(Issue::code, Issue::line)
                .containsExactly(tuple(IssueCode.CELL_TOO_LONG, 2L));
        assertThat(report.issues().getFirst().message()).startsWith("The row starting on line 2 holds more than"
                + " 1048576 characters");
    }

    @Test
    void typedMetadataAndValueMapsAreChecked() throws Exception {
        Path csv = write("typed.csv", """
                id,agent,date,reason,callback,amount
                C1,ann,2026-11-03T04:35:00Z,163,yes,12.50
                C2,ann,2026-11-03T04:35:00Z,999,maybe,-3
                C3,ann,2026-11-03T04:35:00Z,201,no,1.2.3
                """);
        FieldMapping mapping = new FieldMapping(CsvDialect.DEFAULT, new FieldReferences("agent", "date", "id", null),
                null, null, List.of(
                        new MetadataColumn("reason", "Contact reason", MetadataType.ENUM,
                                Map.of("163", "Invoice question", "201", "Cancellation")),
                        new MetadataColumn("callback", "Callback", MetadataType.BOOLEAN),
                        new MetadataColumn("amount", "Amount", MetadataType.DECIMAL)), null);

        ValidationReport report = validate(mapping, csv, null);

        assertThat(report.issues()).extracting(Issue::code, Issue::line, Issue::column).containsExactly(
                tuple(IssueCode.VALUE_INVALID, 3L, "reason"),
                tuple(IssueCode.VALUE_INVALID, 3L, "callback"),
                tuple(IssueCode.VALUE_INVALID, 4L, "amount"));
        assertThat(report.issues().getFirst().message()).contains("163, 201");
    }

    @Test
    void phoneNumbersAndNegativeNumbersAreNotFormulas() {
        assertThat(Formulas.looksLikeFormula("+442079460011")).isFalse();
        assertThat(Formulas.looksLikeFormula("-12.5")).isFalse();
        assertThat(Formulas.looksLikeFormula("-2+3")).isTrue();
        assertThat(Formulas.looksLikeFormula("@SUM(A1)")).isTrue();
        assertThat(Formulas.looksLikeFormula("=1")).isTrue();
        assertThat(Formulas.looksLikeFormula("Billing")).isFalse();
    }

    @Test
    void theCollectorKeepsTheFirstIssuesOfACodeButCountsThemAll() {
        IssueCollector collector = new IssueCollector(2);
        for (int line = 1; line <= 5; line++) {
            collector.add(Issue.ofCell(IssueCode.VALUE_REQUIRED, "f.csv", line, "a", "", "empty"));
        }

        ValidationReport report = collector.report();

        assertThat(report.issues()).extracting(Issue::line).containsExactly(1L, 2L);
        assertThat(report.errors()).isEqualTo(5);
        assertThat(report.omitted()).isEqualTo(3);
    }

    private ValidationReport validate(FieldMapping mapping, Path csv, List<BatchFile> recordings) throws IOException {
        List<BatchFile> files = new java.util.ArrayList<>(List.of(BatchFile.of(csv)));
        if (recordings != null) {
            files.addAll(recordings);
        }
        Batch batch = new Batch(files, recordings != null);
        return new BatchValidator(mapping, CLOCK).validate(batch);
    }

    static FieldMapping minimalMapping(CsvDialect dialect) {
        return new FieldMapping(dialect, new FieldReferences("agent_email", "contact_date", "conversation_id", null),
                null, null, List.of(), null);
    }

    private static FieldMapping excelMapping() {
        return new FieldMapping(CsvDialect.DEFAULT, new FieldReferences("Agent ID", "Call Start (UTC)", "Call ID",
                null), "dd/MM/yyyy HH:mm:ss", "UTC", List.of(new MetadataColumn("Notes", "Notes", null)), null);
    }

    private BatchFile recording(String name) throws IOException {
        return BatchFile.of(TestRecordings.wav(dir.resolve(name)));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static Path fixture(String name) throws IOException {
        try (InputStream in = MetadataValidationTest.class.getResourceAsStream("/fixtures/csv/" + name)) {
            Path copy = Files.createTempFile("fixture", name);
            Files.write(copy, in.readAllBytes());
            copy.toFile().deleteOnExit();
            return copy;
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
