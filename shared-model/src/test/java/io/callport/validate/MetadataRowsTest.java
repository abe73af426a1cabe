package io.callport.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.callport.mapping.FieldMapping;
import io.callport.mapping.InvalidMappingException;
import io.callport.mapping.MappingJson;
import io.callport.sidecar.SidecarReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataRowsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
    static final FieldMapping MAPPING = mapping("""
            {"fields": {"agentId": "agent", "contactDate": "date", "contactReference": "id",
                        "audioFilename": "recording"},
             "metadata": [{"column": "reason", "name": "Contact reason", "type": "string",
                           "values": {"R1": "Billing", "R2": "Cancellation"}},
                          {"column": "seconds", "name": "Seconds", "type": "integer"}]}
            """);

    @Test
    void eachRowComesWithItsFieldsAndItsOwnIssues() throws IOException {
        List<CheckedRecord> rows = readAll("""
                id,agent,date,recording,reason,seconds
                C1,ann@example.com,2026-11-03T04:35:00+01:00,sftp/in/a.wav,R1,10
                C2,,2026-11-03T04:35:00Z,b.wav,R9,
                C1,bob,2026-11-03T04:35:00Z,c.wav,,x
                """);

        assertThat(rows).extracting(CheckedRecord::line, CheckedRecord::accepted)
                .containsExactly(tuple(2L, true), tuple(3L, false), tuple(4L, false));
        CallFields first = rows.get(0).fields();
        assertThat(first.agent()).isEqualTo("ann@example.com");
        assertThat(first.contactDate()).isEqualTo(Instant.parse("2026-11-03T03:35:00Z"));
        assertThat(first.contactDateText()).isEqualTo("2026-11-03T04:35:00+01:00");
        assertThat(first.contactReference()).isEqualTo("C1");
        assertThat(first.recording()).isEqualTo("a.wav");
        assertThat(first.metadata()).containsExactly(Map.entry("Contact reason", "Billing"), Map.entry("Seconds", "10"));
        assertThat(rows.get(0).cells()).containsExactly("C1", "ann@example.com", "2026-11-03T04:35:00+01:00",
                "sftp/in/a.wav", "R1", "10");

        assertThat(rows.get(1).fields().agent()).isNull();
        assertThat(rows.get(1).fields().metadata()).containsExactly(Map.entry("Contact reason", "R9"));
        assertThat(rows.get(1).issues()).extracting(Issue::code, Issue::line, Issue::column)
                .containsExactly(tuple(IssueCode.VALUE_REQUIRED, 3L, "agent"), tuple(IssueCode.VALUE_UNMAPPED, 3L, "reason"));
        assertThat(rows.get(1).firstError().code()).isEqualTo(IssueCode.VALUE_REQUIRED);
        assertThat(rows.get(2).issues()).extracting(Issue::code)
                .containsExactly(IssueCode.VALUE_INVALID, IssueCode.REFERENCE_DUPLICATE);
    }

    @Test
    void aFileThatDoesNotMatchItsMappingSaysSoBeforeAnyRow() throws IOException {
        try (MetadataRows rows = open("id,agent,date,seconds\nC1,ann,2026-11-03T04:35:00Z,3\n")) {
            assertThat(rows.readable()).isFalse();
            assertThat(rows.fileIssues()).extracting(Issue::code, Issue::line, Issue::column)
                    .containsExactly(tuple(IssueCode.COLUMN_MISSING, 1L, "recording"),
                            tuple(IssueCode.COLUMN_MISSING, 1L, "reason"));
            assertThat(rows.header()).containsExactly("id", "agent", "date", "seconds");
        }
        try (MetadataRows empty = open("")) {
            assertThat(empty.fileIssues()).extracting(Issue::code).containsExactly(IssueCode.FILE_EMPTY);
            assertThat(empty.next()).isNull();
        }
    }

    @Test
    void aQuoteThatNeverClosesEndsTheFileWithAFileIssue() throws IOException {
        try (MetadataRows rows = open("""
                id,agent,date,recording,reason,seconds
                C1,ann,2026-11-03T04:35:00Z,a.wav,R1,1
                C2,ann,2026-11-03T04:35:00Z,"b.wav,R1,2
                C3,ann,2026-11-03T04:35:00Z,c.wav,R1,3
                """)) {
            assertThat(rows.next().line()).isEqualTo(2);
            assertThat(rows.readable()).isTrue();
            assertThat(rows.next()).isNull();
            assertThat(rows.readable()).isFalse();
            assertThat(rows.fileIssues()).extracting(Issue::code, Issue::line)
                    .containsExactly(tuple(IssueCode.QUOTE_UNCLOSED, 3L));
        }
    }

    @Test
    void filesWithoutAHeaderNameColumnsByPosition() throws IOException {
        FieldMapping positional = mapping("""
                {"dialect": {"delimiter": ";", "header": false},
                 "fields": {"agentId": "2", "contactDate": "3", "contactReference": "1"}}
                """);
        try (MetadataRows rows = MetadataRows.open(positional, CLOCK, "calls.csv",
                bytes("C1;ann;2026-11-03T04:35:00Z\nC2;bob;2026-11-03T05:00:00Z\n"))) {
            assertThat(rows.header()).containsExactly("1", "2", "3");
            assertThat(rows.next().fields().contactReference()).isEqualTo("C1");
            CheckedRecord second = rows.next();
            assertThat(second.line()).isEqualTo(2);
            assertThat(second.fields().agent()).isEqualTo("bob");
            assertThat(second.fields().recording()).isNull();
            assertThat(rows.next()).isNull();
            assertThat(rows.dataRows()).isEqualTo(2);
        }
    }

    @Test
    void anUnusableMappingIsRefused() {
        FieldMapping incomplete = mapping("{\"fields\": {\"agentId\": \"agent\"}}");
        assertThatThrownBy(() -> MetadataRows.open(incomplete, CLOCK, "calls.csv", bytes("a\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contactDate");
    }

    @Test
    void sidecarsAreReadThroughTheSameMapping() throws IOException {
        String json = """
                {"id": "C7", "agent": "ann@example.com", "date": "2026-11-03T04:35:00Z", "reason": "R2",
                 "seconds": 12}
                """;
        CheckedRecord record = SidecarFields.check(MAPPING, CLOCK,
                new SidecarReader().read("call-7.json", bytes(json)));

        assertThat(record.accepted()).isTrue();
        assertThat(record.fields().contactReference()).isEqualTo("C7");
        assertThat(record.fields().recording()).isNull();
        assertThat(record.fields().metadata()).containsEntry("Contact reason", "Cancellation");

        CheckedRecord missingAgent = SidecarFields.check(MAPPING, CLOCK, new SidecarReader().read("call-8.xml",
                bytes("<call>\n<id>C8</id>\n<date>2026-11-03T04:35:00Z</date>\n<seconds>ten</seconds>\n</call>")));
        assertThat(missingAgent.accepted()).isFalse();
        assertThat(missingAgent.issues()).extracting(Issue::code, Issue::line, Issue::column).containsExactly(
                tuple(IssueCode.COLUMN_MISSING, 0L, "agent"), tuple(IssueCode.VALUE_INVALID, 4L, "seconds"));

        CheckedRecord malformed = SidecarFields.check(MAPPING, CLOCK,
                new SidecarReader().read("call-9.json", bytes("{\"id\": ")));
        assertThat(malformed.fields()).isNull();
        assertThat(malformed.firstError().code()).isEqualTo(IssueCode.SIDECAR_MALFORMED);
    }

    private static List<CheckedRecord> readAll(String csv) throws IOException {
        try (MetadataRows rows = open(csv)) {
            assertThat(rows.readable()).isTrue();
            List<CheckedRecord> all = new ArrayList<>();
            for (CheckedRecord row = rows.next(); row != null; row = rows.next()) {
                all.add(row);
            }
            return all;
        }
    }

    private static MetadataRows open(String csv) throws IOException {
        return MetadataRows.open(MAPPING, CLOCK, "calls.csv", bytes(csv));
    }

    private static FieldMapping mapping(String json) {
        try {
            return MappingJson.parse(json);
        } catch (InvalidMappingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
