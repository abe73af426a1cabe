package io.callport.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.callport.mapping.CsvDialect;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.FieldReferences;
import io.callport.mapping.MetadataColumn;
import io.callport.mapping.MetadataType;
import io.callport.naming.FileNameConvention;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole batches as users drop them: folders of recordings, sidecars, conventions and zips. */
class BatchValidationTest {
    private static final List<String> MEDIA_FIXTURES = List.of("call-stereo.wav", "call-mono-pcm16.wav",
            "call-mulaw.wav", "call-alaw.wav", "call-gsm.wav", "call.gsm", "call.mp3", "call.m4a", "call.ogg",
            "call.webm", "call.flac", "call.aiff", "call.au", "call.wma", "call.mp4", "call.mpg", "call.wmv",
            "empty.mp3", "header-only.wav", "truncated.mp3", "not-audio.mp3", "wav-content.mp3");
    private static final List<String> SIDECARS = List.of("20261102-083700_outbound_478.json",
            "20261102-091400_inbound_478.xml", "20261102-095100_inbound_512.json", "20261102-102800_outbound_512.xml",
            "20261102-110500_inbound_478.json");
    /** The sidecars' own field names: they have no call id, so the recording's name is the reference. */
    private static final FieldMapping SIDECAR_MAPPING = new FieldMapping(CsvDialect.DEFAULT,
            new FieldReferences("email", "datetime", "filename", "filename"), null, null,
            List.of(new MetadataColumn("direction", "Direction", MetadataType.STRING),
                    new MetadataColumn("opportunity_amount", "Opportunity amount", MetadataType.DECIMAL)), null);

    @TempDir
    Path dir;

    @Test
    void everyFixtureRecordingGetsTheVerdictOfTheManifest() throws IOException {
        Path media = Files.createDirectory(dir.resolve("media"));
        for (String name : MEDIA_FIXTURES) {
            copyResource("/fixtures/media/" + name, media.resolve(name));
        }

        ValidationReport report = validate(MetadataValidationTest.minimalMapping(CsvDialect.DEFAULT),
                Batch.collect(List.of(), List.of(media)));

        assertThat(report.issues()).extracting(Issue::file, Issue::code).containsExactlyInAnyOrder(
                tuple("empty.mp3", IssueCode.MEDIA_EMPTY),
                tuple("header-only.wav", IssueCode.MEDIA_ZERO_DURATION),
                tuple("truncated.mp3", IssueCode.MEDIA_TRUNCATED),
                tuple("not-audio.mp3", IssueCode.MEDIA_NOT_AUDIO),
                tuple("wav-content.mp3", IssueCode.MEDIA_EXTENSION_MISMATCH));
        assertThat(report.errors()).isEqualTo(4);
    }

    @Test
    void sidecarsAreReadThroughTheMappingAndClaimTheirRecordings() throws IOException {
        Path batchDir = Files.createDirectory(dir.resolve("batch"));
        for (String sidecar : SIDECARS) {
            copyResource("/fixtures/sidecars/" + sidecar, batchDir.resolve(sidecar));
            TestRecordings.wav(batchDir.resolve(sidecar.replaceAll("\\.(json|xml)$", ".wav")));
        }

        ValidationReport valid = validate(SIDECAR_MAPPING, Batch.collect(List.of(batchDir), List.of()));
        Files.delete(batchDir.resolve("20261102-110500_inbound_478.wav"));
        Files.writeString(batchDir.resolve("20261102-095100_inbound_512.json"), """
                {
                 "datetime": "2026-11-02 08:51",
                 "email": "omar.haddad@northwind.example",
                 "filename": "20261102-095100_inbound_512.wav",
                 "opportunity_amount": "lots"
                }""");
        ValidationReport broken = validate(SIDECAR_MAPPING, Batch.collect(List.of(batchDir), List.of()));

        assertThat(valid.issues()).isEmpty();
        assertThat(broken.issues()).extracting(Issue::file, Issue::code, Issue::line, Issue::column).containsExactly(
                tuple("20261102-095100_inbound_512.json", IssueCode.DATE_UNPARSABLE, 2L, "datetime"),
                tuple("20261102-095100_inbound_512.json", IssueCode.VALUE_INVALID, 5L, "opportunity_amount"),
                tuple("20261102-110500_inbound_478.json", IssueCode.AUDIO_NOT_IN_BATCH, 4L, "filename"),
                tuple("20261102-110500_inbound_478.json", IssueCode.SIDECAR_ORPHAN, 0L, null));
    }

    @Test
    void recordingNamesAreReadByTheCampaignsConvention() throws IOException {
        Path batchDir = Files.createDirectory(dir.resolve("named"));
        TestRecordings.wav(batchDir.resolve("20171012-140253_inbound_478.wav"));
        TestRecordings.wav(batchDir.resolve("20181012-140253_outbound_joe_baducci.wav"));
        FieldMapping mapping = new FieldMapping(CsvDialect.DEFAULT, new FieldReferences("agent", "date", "id", null),
                null, null, List.of(), FileNameConvention.preset(FileNameConvention.DIRECTION_PRESET));

        ValidationReport report = validate(mapping, Batch.collect(List.of(batchDir), List.of()));

        assertThat(report.issues()).extracting(Issue::file, Issue::code).containsExactly(
                tuple("20181012-140253_outbound_joe_baducci.wav", IssueCode.FILENAME_AMBIGUOUS),
                tuple("20181012-140253_outbound_joe_baducci.wav", IssueCode.RECORDING_UNREFERENCED));
    }

    @Test
    void aZipIsValidatedAsTheBatchItHoldsWithoutUnpacking() throws IOException {
        Path wav = TestRecordings.wav(dir.resolve("source.wav"));
        Path zip = dir.resolve("batch.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "export/calls.csv", """
                    conversation_id,agent_email,contact_date,audio_filename
                    C1,ann@example.com,2026-11-03T04:35:00Z,a.wav
                    C2,ann@example.com,2026-11-03T04:35:00Z,gone.wav
                    """.getBytes(StandardCharsets.UTF_8));
            put(out, "export/a.wav", Files.readAllBytes(wav));
            put(out, "export/b.wav", Files.readAllBytes(wav));
            put(out, "../escape.wav", Files.readAllBytes(wav));
            put(out, "export/readme.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        }
        FieldMapping mapping = new FieldMapping(CsvDialect.DEFAULT,
                new FieldReferences("agent_email", "contact_date", "conversation_id", "audio_filename"), null, null,
                List.of(), null);

        ValidationReport report = validate(mapping, Batch.collect(List.of(zip), List.of()));

        assertThat(report.issues()).extracting(Issue::file, Issue::code, Issue::line).containsExactlyInAnyOrder(
                tuple("batch.zip!/export/calls.csv", IssueCode.AUDIO_NOT_IN_BATCH, 3L),
                tuple("batch.zip!/export/readme.pdf", IssueCode.FILE_TYPE_UNKNOWN, 0L),
                tuple("b.wav", IssueCode.RECORDING_UNREFERENCED, 0L),
                tuple("batch.zip!/../escape.wav", IssueCode.ZIP_PATH_ESCAPE, 0L));
    }

    private static ValidationReport validate(FieldMapping mapping, Batch batch) throws IOException {
        return new BatchValidator(mapping, MetadataValidationTest.CLOCK).validate(batch);
    }

    private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = BatchValidationTest.class.getResourceAsStream(resource);
             OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
    }
}
