package io.callport.validate;

import static io.callport.validate.FuzzInvariants.assertWellFormed;
import static io.callport.validate.FuzzInvariants.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.callport.csv.DetectedDialect;
import io.callport.csv.DialectDetector;
import io.callport.mapping.CsvDialect;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.FieldReferences;
import io.callport.mapping.MetadataColumn;
import io.callport.mapping.MetadataType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuzzes the metadata reader and validator through {@link BatchValidator}, as the Uploader and the server run it,
 * and the dialect detector that reads a sample before any mapping exists. Seeds are in
 * {@code src/test/resources/io/callport/validate/MetadataFuzzTestInputs}; {@code docs/fuzzing.md} says how to
 * fuzz longer.
 */
class MetadataFuzzTest {
    /** The mappings a metadata file is read with; an input's first byte picks one (its value modulo the count). */
    private static final List<FieldMapping> MAPPINGS = List.of(
            HostileBatchTest.MAPPING,
            new FieldMapping(CsvDialect.DEFAULT,
                    new FieldReferences("agent_email", "contact_date", "conversation_id", "audio_filename"),
                    "ISO_OFFSET_DATE_TIME", null, List.of(new MetadataColumn("queue", "Queue", MetadataType.STRING),
                    new MetadataColumn("duration_seconds", "Duration", MetadataType.INTEGER)), null),
            new FieldMapping(new CsvDialect(";", "\"", false, 0, "UTF-16"), new FieldReferences("2", "3", "1", null),
                    null, null, List.of(), null),
            new FieldMapping(new CsvDialect("\t", "'", true, 1, "windows-1252"),
                    new FieldReferences("Agent", "Start", "Call", "File"), "dd/MM/yyyy HH:mm:ss", "Europe/Paris",
                    List.of(new MetadataColumn("Reason", "Reason", MetadataType.ENUM, Map.of("163", "Invoice")),
                            new MetadataColumn("Callback", "Callback", MetadataType.BOOLEAN),
                            new MetadataColumn("Amount", "Amount", MetadataType.DECIMAL),
                            new MetadataColumn("Due", "Due", MetadataType.DATE)), null));
    private static final String FILE = "calls.csv";
    private static final String RECORDING = "a.wav";
    /** A metadata file's own codes, and those of the batch it names recordings of. */
    private static final Set<IssueCode> CODES = codes();
    private static final Path WORK = workFolder();

    @FuzzTest(maxDuration = "10m")
    void validatesAnyMetadataFile(byte[] input) throws Exception {
        FieldMapping mapping = MAPPINGS.get(input.length == 0 ? 0 : Byte.toUnsignedInt(input[0]) % MAPPINGS.size());
        byte[] file = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);

        ValidationReport report = validate(mapping, file);

        assertWellFormed(report.issues(), CODES, name -> name.equals(FILE) || name.equals(RECORDING),
                lineBreaks(file) + 1);
        assertThat(report.issues()).filteredOn(issue -> issue.file().equals(RECORDING))
                .allSatisfy(issue -> assertThat(issue.code()).isEqualTo(IssueCode.RECORDING_UNREFERENCED));
    }

    /** What the detector suggests for a sample must itself read the sample without failing. */
    @FuzzTest(maxDuration = "10m")
    void detectsTheDialectOfAnySample(byte[] sample) throws Exception {
        DetectedDialect detected = within(() -> new DialectDetector().detect(new ByteArrayInputStream(sample)));

        assertThat(detected.dialect()).isNotNull();
        assertThat(detected.preview()).allSatisfy(row -> assertThat(row).doesNotContainNull());
        FieldMapping suggested = detected.suggestedMapping();
        if (suggested != null && suggested.problems().isEmpty()) {
            ValidationReport report = validate(suggested, sample);
            assertWellFormed(report.issues(), CODES, name -> name.equals(FILE) || name.equals(RECORDING),
                    lineBreaks(sample) + 1);
        }
    }

    private static ValidationReport validate(FieldMapping mapping, byte[] content) throws Exception {
        Path csv = Files.write(WORK.resolve(FILE), content);
        Batch batch = new Batch(List.of(BatchFile.of(csv), BatchFile.of(WORK.resolve(RECORDING))), true);
        return within(() -> new BatchValidator(mapping, MetadataValidationTest.CLOCK).validate(batch));
    }

    /** An upper bound of the lines a text editor shows: every line break has a CR or LF byte in any encoding. */
    private static long lineBreaks(byte[] content) {
        long breaks = 0;
        for (byte b : content) {
            if (b == '\n' || b == '\r') {
                breaks++;
            }
        }
        return breaks;
    }

    private static Set<IssueCode> codes() {
        Set<IssueCode> codes = EnumSet.range(IssueCode.FILE_EMPTY, IssueCode.FORMULA_INJECTION);
        codes.addAll(List.of(IssueCode.AUDIO_NOT_IN_BATCH, IssueCode.RECORDING_UNREFERENCED));
        return codes;
    }

    /** One folder for the whole run: fuzzing calls the test millions of times, too often for a folder each. */
    private static Path workFolder() {
        try {
            Path folder = Files.createTempDirectory("metadata-fuzz");
            folder.toFile().deleteOnExit();
            Path recording = TestRecordings.wav(folder.resolve(RECORDING));
            recording.toFile().deleteOnExit();
            folder.resolve(FILE).toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
