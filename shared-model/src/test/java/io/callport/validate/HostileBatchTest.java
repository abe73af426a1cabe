package io.callport.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.callport.archive.ZipWriter;
import io.callport.mapping.CsvDialect;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.FieldReferences;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files in a batch next to ordinary ones: each hostile file gets its error, in bounded time and memory, and
 * the ordinary files of the same batch are still validated with exactly their own issues. The readers' own hostile
 * tests (SafeZipHostileTest, XmlSidecarSafetyTest, LargeMediaTest) cover the details of each file kind.
 */
class HostileBatchTest {
    static final FieldMapping MAPPING = new FieldMapping(CsvDialect.DEFAULT,
            new FieldReferences("agent_email", "contact_date", "conversation_id", "audio_filename"), null, null,
            List.of(), null);
    /** Every hostile batch must be answered this fast, on a loaded CI machine. */
    private static final Duration TIME_BOUND = Duration.ofSeconds(10);
    private static final long MB = 1024 * 1024;
    /**
     * What validating one of these batches may allocate in all: about 0.5 to 1.6 MB is measured, so a hostile file
     * held in memory (a bomb's output, an expanded entity) would show.
     */
    private static final long ALLOCATION_BOUND = 8 * MB;
    private static final String HEADER = "conversation_id,agent_email,contact_date,audio_filename\n";
    private static final String SECRET = "TOP-SECRET-5e1d";

    @TempDir
    Path dir;

    @Test
    void aRowOfMillionsOfCellsIsRefusedInASmallHeap() throws Exception {
        // a million cells already took most of the 128 MB before rows were bounded; five million did not fit
        Path wide = dir.resolve("wide.csv");
        try (Writer out = csvWriter(wide)) {
            out.write(HEADER + "C1,ann@example.com,2026-11-03T04:35:00Z,a.wav\nC2,ann@example.com,2026-11-03T04:35:00Z");
            for (int cell = 0; cell < 5_000_000; cell++) {
                out.write(",x");
            }
            out.write("\nC3,,2026-11-03T04:35:00Z,a.wav\n");
        }

        SmallHeapValidation.Outcome outcome = SmallHeapValidation.run(TIME_BOUND.multipliedBy(3), neighbours(wide));

        assertThat(outcome.took()).isLessThan(TIME_BOUND);
        assertThat(outcome.issues()).filteredOn(issue -> issue.file().equals("wide.csv"))
                .extracting(SmallHeapValidation.PrintedIssue::code, SmallHeapValidation.PrintedIssue::line)
                .containsExactly(tuple(IssueCode.ROW_TOO_MANY_CELLS, 3L));
        assertThat(printedNeighbourIssues(outcome)).containsExactlyElementsOf(NEIGHBOUR_ISSUES);
    }

    @Test
    void aCellOf100MegabytesIsRefusedInASmallHeap() throws Exception {
        Path huge = dir.resolve("huge-cell.csv");
        try (Writer out = csvWriter(huge)) {
            out.write(HEADER + "C1,ann@example.com,2026-11-03T04:35:00Z,a.wav\nC2,ann@example.com,\"");
            char[] block = new char[64 * 1024];
            Arrays.fill(block, 'y');
            for (long written = 0; written < 100 * MB; written += block.length) {
                out.write(block);
            }
            out.write("\",a.wav\nC3,,2026-11-03T04:35:00Z,a.wav\n");
        }
        assertThat(Files.size(huge)).isGreaterThan(100 * MB);

        SmallHeapValidation.Outcome outcome = SmallHeapValidation.run(TIME_BOUND.multipliedBy(3), neighbours(huge));

        assertThat(outcome.took()).isLessThan(TIME_BOUND);
        assertThat(outcome.issues()).filteredOn(issue -> issue.file().equals("huge-cell.csv"))
                .extracting(SmallHeapValidation.PrintedIssue::code, SmallHeapValidation.PrintedIssue::line)
                .containsExactly(tuple(IssueCode.CELL_TOO_LONG, 3L));
        assertThat(printedNeighbourIssues(outcome)).containsExactlyElementsOf(NEIGHBOUR_ISSUES);
    }

    @Test
    void aZipOfZipsIsNotOpened() throws Exception {
        // 10 zips of 10 entries of 10 MB: 1 GB if unpacked recursively, about 1 MB on disk
        Path bomb = ZipBombs.nested(dir.resolve("nested.zip"), 10, 10);
        assertThat(Files.size(bomb)).isLessThan(2 * MB);

        Measured measured = validate(neighbours(bomb));

        assertThat(measured.report.issues()).filteredOn(issue -> issue.file().startsWith("nested.zip"))
                .hasSize(10).allSatisfy(issue -> {
                    assertThat(issue.code()).isEqualTo(IssueCode.FILE_TYPE_UNKNOWN);
                    assertThat(issue.file()).matches("nested\\.zip!/bomb-\\d+\\.zip");
                    assertThat(issue.message()).startsWith(issue.file().substring("nested.zip!/".length())
                            + " is a zip inside a zip");
                });
        assertNeighboursUnharmed(measured.report);
        assertThat(measured.allocatedBytes).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    void entriesSharingOneBlockOfDataAreRefusedWithoutInflatingIt() throws Exception {
        // 200 names for the same 64 MB of zeros: 12.5 GB claimed by a zip of about 64 KB
        Path bomb = ZipBombs.overlapping(dir.resolve("overlap.zip"), 200, 64);
        assertThat(Files.size(bomb)).isLessThan(MB);

        Measured measured = validate(neighbours(bomb));

        List<Issue> bombIssues = measured.report.issues().stream()
                .filter(issue -> issue.file().startsWith("overlap.zip")).toList();
        assertThat(bombIssues).extracting(Issue::file).containsExactlyInAnyOrderElementsOf(
                Stream.iterate(0, i -> i + 1).limit(200).map(i -> "overlap.zip!/" + ZipBombs.overlappingName(i))
                        .toList());
        assertThat(bombIssues).allSatisfy(issue -> {
            assertThat(issue.code()).isIn(IssueCode.ZIP_UNREADABLE, IssueCode.ZIP_EXPANDED_TOO_LARGE);
            assertThat(issue.message()).contains(issue.value());
        });
        assertThat(bombIssues).filteredOn(issue -> issue.code() == IssueCode.ZIP_UNREADABLE)
                .allSatisfy(issue -> assertThat(issue.message()).contains("shares its data with another entry"));
        assertNeighboursUnharmed(measured.report);
        assertThat(measured.allocatedBytes).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    void zipEntriesThatClimbOutOrAreLinksAreLeftOutAndTheRestOfTheZipIsValidated() throws Exception {
        Path zip = dir.resolve("slip.zip");
        try (ZipWriter writer = ZipWriter.create(zip)) {
            writer.add("../../home/admin/.bashrc.csv", HEADER)
                    .add("/etc/cron.d/evil.csv", HEADER)
                    .symlink("export/link.wav", "/etc/passwd")
                    .add("export/zipped.csv", HEADER + "Z1,ann@example.com,2026-11-03T04:35:00Z,zipped.wav\n"
                            + "Z2,ann@example.com,2026-11-03T04:35:00Z,link.wav\n")
                    .add("export/zipped.wav", Files.readAllBytes(TestRecordings.wav(dir.resolve("source.wav"))));
        }
        Files.delete(dir.resolve("source.wav"));

        Measured measured = validate(neighbours(zip));

        assertThat(measured.report.issues()).filteredOn(issue -> issue.file().startsWith("slip.zip"))
                .extracting(Issue::code, Issue::file, Issue::line).containsExactly(
                        tuple(IssueCode.AUDIO_NOT_IN_BATCH, "slip.zip!/export/zipped.csv", 3L),
                        tuple(IssueCode.ZIP_PATH_ESCAPE, "slip.zip!/../../home/admin/.bashrc.csv", 0L),
                        tuple(IssueCode.ZIP_ABSOLUTE_PATH, "slip.zip!//etc/cron.d/evil.csv", 0L),
                        tuple(IssueCode.ZIP_LINK, "slip.zip!/export/link.wav", 0L));
        assertThat(measured.report.issues()).filteredOn(issue -> issue.file().startsWith("slip.zip!/export/link"))
                .singleElement().satisfies(issue -> assertThat(issue.message()).contains("export/link.wav"));
        assertNeighboursUnharmed(measured.report);
    }

    @Test
    void sidecarsWithExternalEntitiesOrBillionLaughsAreRefusedWithoutReadingOrExpanding() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        Path xxe = Files.writeString(dir.resolve("20261102-083700_outbound_478.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE call [ <!ENTITY xxe SYSTEM "%s"> ]>
                <call><agent_email>&xxe;</agent_email></call>
                """.formatted(secret.toUri()));
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE call [\n<!ENTITY l0 \"lol\">\n");
        for (int level = 1; level <= 12; level++) {
            laughs.append("<!ENTITY l%d \"%s\">\n".formatted(level, ("&l" + (level - 1) + ";").repeat(10)));
        }
        Path billion = Files.writeString(dir.resolve("20261102-091400_inbound_478.xml"),
                laughs.append("]>\n<call><agent_email>&l12;</agent_email></call>\n"));
        Path wellFormed = Files.writeString(dir.resolve("20261102-095100_inbound_512.json"), """
                {
                 "conversation_id": "S1",
                 "agent_email": "omar@example.com",
                 "contact_date": "yesterday"
                }""");
        List<Path> files = new ArrayList<>(List.of(neighbours(xxe, billion, wellFormed)));
        files.add(TestRecordings.wav(dir.resolve("20261102-083700_outbound_478.wav")));
        files.add(TestRecordings.wav(dir.resolve("20261102-091400_inbound_478.wav")));
        files.add(TestRecordings.wav(dir.resolve("20261102-095100_inbound_512.wav")));

        Measured measured = validate(files.toArray(Path[]::new));

        assertThat(measured.report.issues()).filteredOn(issue -> issue.file().startsWith("20261102"))
                .extracting(Issue::code, Issue::file, Issue::line).containsExactly(
                        tuple(IssueCode.SIDECAR_FORBIDDEN_CONSTRUCT, "20261102-083700_outbound_478.xml", 2L),
                        tuple(IssueCode.SIDECAR_FORBIDDEN_CONSTRUCT, "20261102-091400_inbound_478.xml", 16L),
                        tuple(IssueCode.DATE_UNPARSABLE, "20261102-095100_inbound_512.json", 4L),
                        // a refused sidecar claims no recording: its recording waits for metadata
                        tuple(IssueCode.RECORDING_UNREFERENCED, "20261102-083700_outbound_478.wav", 0L),
                        tuple(IssueCode.RECORDING_UNREFERENCED, "20261102-091400_inbound_478.wav", 0L));
        assertThat(measured.report.issues()).allSatisfy(issue -> assertThat(issue.message() + issue.value())
                .doesNotContain(SECRET).doesNotContain("lollollol"));
        assertNeighboursUnharmed(measured.report);
        assertThat(measured.allocatedBytes).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWhereTheyAre() throws Exception {
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        Path csv = Files.write(dir.resolve("latin.csv"), concat(
                (HEADER + "L1,ann@example.com,2026-11-03T04:35:00Z,a.wav\nL2,ren").getBytes(StandardCharsets.UTF_8),
                notUtf8, "e@example.com,2026-11-03T04:35:00Z,a.wav\n".getBytes(StandardCharsets.UTF_8)));
        Path json = Files.write(dir.resolve("latin.json"), concat("{\"agent_email\": \"ren".getBytes(
                StandardCharsets.UTF_8), notUtf8, "e\"}".getBytes(StandardCharsets.UTF_8)));
        Path xml = Files.write(dir.resolve("latin.xml"), concat("<call>\n<agent_email>ren".getBytes(
                StandardCharsets.UTF_8), notUtf8, "e</agent_email></call>".getBytes(StandardCharsets.UTF_8)));
        Path zip = dir.resolve("latin-names.zip");
        try (ZipWriter writer = ZipWriter.createWithLatin1Names(zip)) {
            writer.add("call-\u00ff\u00fe.wav", Files.readAllBytes(TestRecordings.wav(dir.resolve("source.wav"))));
        }
        Files.delete(dir.resolve("source.wav"));

        Measured measured = validate(neighbours(csv, json, xml, zip));

        assertThat(measured.report.issues()).filteredOn(issue -> issue.file().startsWith("latin"))
                .extracting(Issue::code, Issue::file, Issue::line).containsExactly(
                        tuple(IssueCode.ENCODING_INVALID, "latin.csv", 3L),
                        tuple(IssueCode.SIDECAR_MALFORMED, "latin.json", 1L),
                        tuple(IssueCode.SIDECAR_MALFORMED, "latin.xml", 2L),
                        // the zip parser shows the bytes that are not UTF-8 as '?'
                        tuple(IssueCode.FILE_NAME_INVALID, "latin-names.zip!/call-??.wav", 0L));
        assertNeighboursUnharmed(measured.report);
    }

    @Test
    void recordingNamesWithControlCharactersOrSeparatorsAreRefused() throws Exception {
        Path bell = TestRecordings.wav(dir.resolve("call\u0007.wav"));
        Path tab = TestRecordings.wav(dir.resolve("agent\tann.wav"));
        Path backslash = TestRecordings.wav(dir.resolve("calls\\2026\\call.wav"));
        Path zip = dir.resolve("names.zip");
        try (ZipWriter writer = ZipWriter.create(zip)) {
            byte[] wav = Files.readAllBytes(bell);
            writer.add("export/line\nbreak.wav", wav).add("export/escape\u001b[2J.wav", wav)
                    .add("export/fine.wav", wav);
        }
        Path csv = Files.writeString(dir.resolve("paths.csv"), HEADER
                + "P1,ann@example.com,2026-11-03T04:35:00Z,../../etc/passwd.wav\n"
                + "P2,ann@example.com,2026-11-03T04:35:00Z,C:\\Windows\\win.wav\n"
                + "P3,ann@example.com,2026-11-03T04:35:00Z,fine.wav\n");

        Measured measured = validate(neighbours(bell, tab, backslash, zip, csv));

        assertThat(measured.report.issues()).filteredOn(issue -> !NEIGHBOUR_FILES.contains(issue.file()))
                .extracting(Issue::code, Issue::file, Issue::line).containsExactlyInAnyOrder(
                        tuple(IssueCode.FILE_NAME_INVALID, "call\u0007.wav", 0L),
                        tuple(IssueCode.FILE_NAME_INVALID, "agent\tann.wav", 0L),
                        tuple(IssueCode.FILE_NAME_INVALID, "calls\\2026\\call.wav", 0L),
                        tuple(IssueCode.FILE_NAME_INVALID, "names.zip!/export/line\nbreak.wav", 0L),
                        tuple(IssueCode.FILE_NAME_INVALID, "names.zip!/export/escape\u001b[2J.wav", 0L),
                        tuple(IssueCode.AUDIO_NOT_IN_BATCH, "paths.csv", 2L),
                        tuple(IssueCode.AUDIO_NOT_IN_BATCH, "paths.csv", 3L),
                        // refused names are still files of the batch, and no row names them
                        tuple(IssueCode.RECORDING_UNREFERENCED, "call\u0007.wav", 0L),
                        tuple(IssueCode.RECORDING_UNREFERENCED, "agent\tann.wav", 0L),
                        tuple(IssueCode.RECORDING_UNREFERENCED, "call.wav", 0L));
        assertThat(measured.report.issues()).filteredOn(issue -> issue.code() == IssueCode.FILE_NAME_INVALID)
                .extracting(Issue::message).allSatisfy(message -> assertThat(message).doesNotContainPattern(
                        "\\p{Cntrl}"))
                .contains("The name \"call\\u0007.wav\" has a control character (U+0007); rename the file without it.");
        assertNeighboursUnharmed(measured.report);
    }

    @Test
    void aRecordingOneByteOverTwoGigabytesIsRefusedWithoutReadingIt() throws Exception {
        Path huge = dir.resolve("huge.wav");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(Limits.MAX_MEDIA_BYTES + 1);
        }

        Measured measured = validate(neighbours(huge));

        assertThat(measured.report.issues()).filteredOn(issue -> issue.file().equals("huge.wav"))
                .extracting(Issue::code).containsExactly(IssueCode.MEDIA_TOO_LARGE, IssueCode.RECORDING_UNREFERENCED);
        assertThat(measured.report.issues().getFirst().message()).isEqualTo("huge.wav is 2,147,483,649 bytes (2.0 GB),"
                + " more than the 2 GB a recording may have.");
        assertNeighboursUnharmed(measured.report);
        assertThat(measured.allocatedBytes).isLessThan(ALLOCATION_BOUND);
    }

    // ---- the ordinary files every hostile batch also holds

    private static final List<String> NEIGHBOUR_FILES = List.of("calls.csv", "a.wav", "broken.mp3");
    private static final List<String> NEIGHBOUR_ISSUES = List.of(IssueCode.DATE_UNPARSABLE + " calls.csv:3",
            IssueCode.MEDIA_NOT_AUDIO + " broken.mp3:0", IssueCode.RECORDING_UNREFERENCED + " broken.mp3:0");

    /**
     * The hostile files, then a metadata file with one bad date, the recording it names, and a text file named like
     * an MP3, which no row names.
     */
    private Path[] neighbours(Path... hostile) throws IOException {
        Path calls = Files.writeString(dir.resolve("calls.csv"), HEADER
                + "C1,ann@example.com,2026-11-03T04:35:00Z,a.wav\n"
                + "C2,ann@example.com,not a date,a.wav\n");
        Path recording = TestRecordings.wav(dir.resolve("a.wav"));
        Path fake = Files.writeString(dir.resolve("broken.mp3"), "this is a text file, not an MP3\n");
        return Stream.concat(Arrays.stream(hostile), Stream.of(calls, recording, fake)).toArray(Path[]::new);
    }

    private static void assertNeighboursUnharmed(ValidationReport report) {
        assertThat(report.issues()).filteredOn(issue -> NEIGHBOUR_FILES.contains(issue.file()))
                .extracting(issue -> issue.code() + " " + issue.file() + ":" + issue.line())
                .containsExactlyElementsOf(NEIGHBOUR_ISSUES);
    }

    private static List<String> printedNeighbourIssues(SmallHeapValidation.Outcome outcome) {
        return outcome.issues().stream().filter(issue -> NEIGHBOUR_FILES.contains(issue.file()))
                .map(issue -> issue.code() + " " + issue.file() + ":" + issue.line()).toList();
    }

    private record Measured(ValidationReport report, long allocatedBytes) {
    }

    /** Validates the files as one batch within the time bound, counting what the validation allocated. */
    private static Measured validate(Path... files) {
        Batch batch = new Batch(Arrays.stream(files).map(BatchFile::of).toList(), true);
        return assertTimeoutPreemptively(TIME_BOUND, () -> {
            long before = allocatedBytes();
            ValidationReport report = new BatchValidator(MAPPING, MetadataValidationTest.CLOCK).validate(batch);
            return new Measured(report, allocatedBytes() - before);
        });
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static Writer csvWriter(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[0];
        for (byte[] part : parts) {
            int at = all.length;
            all = Arrays.copyOf(all, at + part.length);
            System.arraycopy(part, 0, all, at, part.length);
        }
        return all;
    }
}
