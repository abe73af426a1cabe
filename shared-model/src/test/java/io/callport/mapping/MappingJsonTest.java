package io.callport.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MappingJsonTest {

    @Test
    void readsTheDocumentedShapeAndWritesItBack() throws Exception {
        FieldMapping mapping = MappingJson.parse("""
                {
                  "dialect": {"delimiter": ",", "quote": "\\"", "header": true, "skipRows": 0, "encoding": "UTF-8"},
                  "fields": {"agentId": "agent_email", "contactDate": "contact_date",
                             "contactReference": "conversation_id", "audioFilename": "audio_filename"},
                  "dateFormat": "ISO_OFFSET_DATE_TIME",
                  "metadata": [{"column": "queue", "name": "Queue", "type": "string"}]
                }
                """);

        assertThat(mapping.fields().agentId()).isEqualTo("agent_email");
        assertThat(mapping.metadata()).containsExactly(new MetadataColumn("queue", "Queue", MetadataType.STRING));
        assertThat(mapping.problems()).isEmpty();
        assertThat(MappingJson.parse(MappingJson.write(mapping))).isEqualTo(mapping);
    }

    @Test
    void aDialectThatSaysOnlyItsEncodingKeepsTheOtherDefaults() throws Exception {
        FieldMapping mapping = MappingJson.parse("""
                {"dialect": {"encoding": "windows-1252"},
                 "fields": {"agentId": "a", "contactDate": "d", "contactReference": "r"}}
                """);

        assertThat(mapping.dialect()).isEqualTo(new CsvDialect(",", "\"", true, 0, "windows-1252"));
        assertThat(mapping.problems()).isEmpty();
    }

    @Test
    void unknownKeysAndBadValuesSayWhere() {
        assertThatThrownBy(() -> MappingJson.parse("{\"feilds\": {}}"))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("line 1").hasMessageContaining("unknown key \"feilds\"");
        assertThatThrownBy(() -> MappingJson.parse("{\"dialect\": {\"delimiter\": \",,\"}}"))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("delimiter must be exactly one character");
        assertThatThrownBy(() -> MappingJson.parse("{\"dialect\": {\"encoding\": \"klingon\"}}"))
                .hasMessageContaining("Unknown encoding 'klingon'");
    }

    @Test
    void problemsNameWhatIsMissing() throws Exception {
        FieldMapping mapping = MappingJson.parse("""
                {"dialect": {"header": false}, "fields": {"agentId": "agent", "contactDate": "2"},
                 "dateFormat": "dd/MM/yyyy HH:mm"}
                """);

        assertThat(mapping.problems()).containsExactly(
                "The required field contactReference is not mapped to a column.",
                "The date format 'dd/MM/yyyy HH:mm' has no offset, so the mapping needs a timeZone such as \"UTC\""
                        + " or \"Europe/Paris\".",
                "The file has no header, so column 'agent' must be a 1-based position such as \"3\".");
    }

    @Test
    void datesParseWithOffsetZuluPatternAndZone() {
        ContactDateFormat iso = ContactDateFormat.of(null, null);
        assertThat(iso.parse("2019-05-03T09:27:23+00:00")).isEqualTo(Instant.parse("2019-05-03T09:27:23Z"));
        assertThat(iso.parse("2019-05-03T09:27:23Z")).isEqualTo(Instant.parse("2019-05-03T09:27:23Z"));
        assertThat(iso.parse("2026-11-03T04:35:00+01:00")).isEqualTo(Instant.parse("2026-11-03T03:35:00Z"));
        assertThat(iso.parse("2026-11-03T04:35:00.250-05:30")).isEqualTo(Instant.parse("2026-11-03T10:05:00.250Z"));
        assertThat(iso.parse("2026-02-30T04:35:00Z")).isNull();
        assertThat(iso.parse("2026-11-03 04:35:00")).isNull();

        ContactDateFormat paris = ContactDateFormat.of("dd/MM/yyyy HH:mm:ss", "Europe/Paris");
        assertThat(paris.parse("02/11/2026 08:00:00")).isEqualTo(Instant.parse("2026-11-02T07:00:00Z"));
        assertThat(paris.parse("31/02/2026 08:00:00")).isNull();
        assertThat(ContactDateFormat.of("yyyy-MM-dd HH:mm:ssXXX", null).parse("2026-11-02 08:00:00+02:00"))
                .isEqualTo(Instant.parse("2026-11-02T06:00:00Z"));
    }
}
