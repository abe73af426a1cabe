package io.callport.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class FileNameConventionJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsAllThreeProperties() throws Exception {
        FileNameConvention convention = json.readValue(
                "{\"pattern\": \"uid-yyyyMMddHHmmss\", \"separator\": \"-\", \"timeZone\": \"Europe/Paris\"}",
                FileNameConvention.class);

        assertThat(convention).isEqualTo(new FileNameConvention("uid-yyyyMMddHHmmss", "-", "Europe/Paris"));
        assertThat(convention.extract("478-20260211152033.wav").contactDate())
                .isEqualTo(Instant.parse("2026-02-11T14:20:33Z"));
    }

    @Test
    void missingSeparatorAndTimeZoneTakeTheDefaults() throws Exception {
        FileNameConvention convention = json.readValue("{\"pattern\": \"" + FileNameConvention.DIRECTION_PRESET + "\"}",
                FileNameConvention.class);

        assertThat(convention).isEqualTo(FileNameConvention.preset(FileNameConvention.DIRECTION_PRESET));
        assertThat(convention.separator()).isEqualTo("_");
        assertThat(convention.timeZone()).isEqualTo("UTC");
    }

    @Test
    void writesBackTheSameJson() throws Exception {
        FileNameConvention convention = new FileNameConvention("yyyyMMdd_uid", null, "Europe/Paris");

        String written = json.writeValueAsString(convention);

        assertThat(written).isEqualTo("{\"pattern\":\"yyyyMMdd_uid\",\"separator\":\"_\",\"timeZone\":\"Europe/Paris\"}");
        assertThat(json.readValue(written, FileNameConvention.class)).isEqualTo(convention);
    }

    @Test
    void invalidPatternFailsWithItsReason() {
        assertThatThrownBy(() -> json.readValue("{\"pattern\": \"yyyyMMdd-hhmmss_uid\"}", FileNameConvention.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("write 'HH' for the hour 00–23")
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
