package io.callport.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.mapping.FieldReferences;
import io.callport.mapping.MetadataColumn;
import io.callport.mapping.MetadataType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DialectDetectorTest {
    private final DialectDetector detector = new DialectDetector();

    @Test
    void detectsTheEvaluagentStyleExportAndSuggestsItsMapping() throws IOException {
        DetectedDialect detected = detectFixture("evaluagent-style.csv");

        assertThat(detected.dialect().delimiter()).isEqualTo(",");
        assertThat(detected.dialect().header()).isTrue();
        assertThat(detected.dialect().encoding()).isEqualTo("UTF-8");
        assertThat(detected.header()).startsWith("conversation_id", "agent_email", "contact_date");
        assertThat(detected.preview()).hasSize(20);
        assertThat(detected.preview().getFirst()).startsWith("CONV-100001");
        assertThat(detected.suggestedMapping().fields()).isEqualTo(
                new FieldReferences("agent_email", "contact_date", "conversation_id", "audio_filename"));
        assertThat(detected.suggestedMapping().dateFormat()).isEqualTo("ISO_OFFSET_DATE_TIME");
        assertThat(detected.suggestedMapping().metadata()).extracting(MetadataColumn::column, MetadataColumn::type)
                .contains(org.assertj.core.groups.Tuple.tuple("duration_seconds", MetadataType.INTEGER),
                        org.assertj.core.groups.Tuple.tuple("queue", MetadataType.STRING));
        assertThat(detected.suggestedMapping().problems()).isEmpty();
    }

    @Test
    void detectsTheExcelExportWithBomAndItsDayMonthDates() throws IOException {
        DetectedDialect detected = detectFixture("excel-export-bom-crlf.csv");

        assertThat(detected.header()).containsExactly("Call ID", "Agent ID", "Call Start (UTC)", "Recording", "Notes");
        assertThat(detected.suggestedMapping().fields())
                .isEqualTo(new FieldReferences("Agent ID", "Call Start (UTC)", "Call ID", "Recording"));
        assertThat(detected.suggestedMapping().dateFormat()).isEqualTo("dd/MM/yyyy HH:mm:ss");
        assertThat(detected.suggestedMapping().timeZone()).isEqualTo("UTC");
        assertThat(detected.notes()).anyMatch(note -> note.contains("day/month"));
        assertThat(detected.preview().get(4).get(4)).isEqualTo("Line one\nLine two");
    }

    @Test
    void detectsSemicolonsAndQuotesOfTheRecorderExport() throws IOException {
        DetectedDialect detected = detectFixture("raisetalk-style.csv");

        assertThat(detected.dialect().delimiter()).isEqualTo(";");
        assertThat(detected.dialect().quote()).isEqualTo("\"");
        assertThat(detected.dialect().header()).isTrue();
        assertThat(detected.header()).contains("Filename", "Advisor Firstname", "Reason");
        assertThat(detected.suggestedMapping().fields().audioFilename()).isEqualTo("Filename");
        // "0682316817" keeps its leading zero: a line number is an identifier, not a quantity
        assertThat(detected.suggestedMapping().metadata()).filteredOn(column -> column.column().equals("Outgoing"))
                .extracting(MetadataColumn::type).containsExactly(MetadataType.STRING);
    }

    @Test
    void detectsTabsTitleRowsAndWindows1252() throws IOException {
        String text = "Call export 03/11/2026\nid\tagent\tstart\tnote\n1\tRen\u00e9e\t2026-11-03T04:35:00Z\tok\n"
                + "2\tBob\t2026-11-03T05:35:00Z\tok\n";

        DetectedDialect detected = detector.detect(new ByteArrayInputStream(text.getBytes(
                Charset.forName("windows-1252"))));

        assertThat(detected.dialect().delimiter()).isEqualTo("\t");
        assertThat(detected.dialect().skipRows()).isEqualTo(1);
        assertThat(detected.dialect().encoding()).isEqualTo("windows-1252");
        assertThat(detected.preview().getFirst()).containsExactly("1", "Ren\u00e9e", "2026-11-03T04:35:00Z", "ok");
    }

    @Test
    void aBadDateAmongIsoDatesKeepsTheIsoFormat() throws IOException {
        String text = "id,agent_email,contact_date\n1,ann@example.com,2026-11-03T04:35:00Z\n"
                + "2,bob@example.com,04/11/2026 17:05\n3,cy@example.com,2026-11-03T06:35:00+01:00\n";

        DetectedDialect detected = detector.detect(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(detected.suggestedMapping().dateFormat()).isEqualTo("ISO_OFFSET_DATE_TIME");
        assertThat(detected.suggestedMapping().timeZone()).isNull();
        assertThat(detected.notes()).noneMatch(note -> note.contains("format"));
    }

    @Test
    void aFirstRowOfValuesIsDataAndColumnsAreNumbered() throws IOException {
        String text = "CONV-1|ann@example.com|2026-11-03T04:35:00Z|a.mp3\nCONV-2|bob@example.com|2026-11-03T05:35:00Z|b.mp3\n";

        DetectedDialect detected = detector.detect(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(detected.dialect().delimiter()).isEqualTo("|");
        assertThat(detected.dialect().header()).isFalse();
        assertThat(detected.header()).containsExactly("1", "2", "3", "4");
        assertThat(detected.preview()).hasSize(2);
    }

    @Test
    void utf16WithBomIsDetected() throws IOException {
        byte[] body = "id,agent_email,contact_date\n1,ann@example.com,2026-11-03T04:35:00Z\n"
                .getBytes(StandardCharsets.UTF_16BE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFE;
        withBom[1] = (byte) 0xFF;
        System.arraycopy(body, 0, withBom, 2, body.length);

        DetectedDialect detected = detector.detect(new ByteArrayInputStream(withBom));

        assertThat(detected.dialect().encoding()).isEqualTo("UTF-16");
        assertThat(detected.header()).containsExactly("id", "agent_email", "contact_date");
    }

    private DetectedDialect detectFixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/csv/" + name)) {
            return detector.detect(in);
        }
    }
}
