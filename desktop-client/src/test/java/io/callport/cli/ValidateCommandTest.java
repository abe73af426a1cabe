package io.callport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final String MAPPING = """
            {"fields": {"agentId": "agent_email", "contactDate": "contact_date",
                        "contactReference": "conversation_id", "audioFilename": "audio_filename"},
             "metadata": [{"column": "queue", "name": "Queue", "type": "string"}]}
            """;

    @TempDir
    Path dir;
    private Path mapping;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeMapping() throws IOException {
        mapping = Files.writeString(dir.resolve("mapping.json"), MAPPING);
    }

    @Test
    void aValidFileExitsZero() throws IOException {
        Path csv = Files.writeString(dir.resolve("calls.csv"), """
                conversation_id,agent_email,contact_date,audio_filename,queue
                C1,ann@example.com,2026-11-03T04:35:00+01:00,a.mp3,Billing
                """);

        int status = run("validate", "--mapping", mapping.toString(), csv.toString());

        assertThat(status).isZero();
        assertThat(out.toString()).contains("0 errors, 0 warnings");
    }

    @Test
    void errorsExitOneWithTheDocumentedJson() throws IOException {
        Path csv = Files.writeString(dir.resolve("calls.csv"), """
                conversation_id,agent_email,contact_date,audio_filename,queue
                C1,ann@example.com,yesterday,a.mp3,Billing
                C2,ann@example.com,2026-11-03T04:35:00+01:00,a.mp3,=cmd
                """);

        int status = run("validate", "--mapping", mapping.toString(), "--format", "json", csv.toString());

        assertThat(status).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("errors").asInt()).isEqualTo(1);
        assertThat(report.get("warnings").asInt()).isEqualTo(1);
        JsonNode first = report.get("issues").get(0);
        assertThat(first.get("code").asText()).isEqualTo("DATE_UNPARSABLE");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("file").asText()).isEqualTo("calls.csv");
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("column").asText()).isEqualTo("contact_date");
        assertThat(first.get("value").asText()).isEqualTo("yesterday");
        assertThat(first.get("message").asText()).contains("yesterday");
        assertThat(report.get("issues").get(1).get("code").asText()).isEqualTo("FORMULA_INJECTION");
    }

    @Test
    void recordingsInTheMediaFolderAreChecked() throws IOException {
        Path media = Files.createDirectory(dir.resolve("media"));
        Files.writeString(media.resolve("a.mp3"), "conversation_id,agent\n");
        Path csv = Files.writeString(dir.resolve("calls.csv"), """
                conversation_id,agent_email,contact_date,audio_filename,queue
                C1,ann@example.com,2026-11-03T04:35:00+01:00,a.mp3,Billing
                C2,ann@example.com,2026-11-03T04:35:00+01:00,b.mp3,Billing
                """);

        int status = run("validate", "--mapping", mapping.toString(), "--media", media.toString(), csv.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString())
                .contains("calls.csv:3 [audio_filename]: error AUDIO_NOT_IN_BATCH")
                .contains("a.mp3: error MEDIA_NOT_AUDIO");
    }

    @Test
    void usageErrorsAndUnreadableInputsExitTwo() throws IOException {
        Path csv = Files.writeString(dir.resolve("calls.csv"), "a,b\n");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"fields\": {\"agentId\": \"a\"}}");

        assertThat(run("validate", "--mapping", dir.resolve("missing.json").toString(), csv.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the mapping");
        assertThat(run("validate", "--mapping", mapping.toString(), dir.resolve("nope.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read").contains("nope.csv");
        assertThat(run("validate", "--mapping", broken.toString(), csv.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("contactDate is not mapped");
        assertThat(run("validate", csv.toString())).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void detectPrintsTheDialectAndASuggestedMapping() throws IOException {
        Path csv = Files.writeString(dir.resolve("sample.csv"), """
                "Call ID";"Agent Email";"Call Start (UTC)"
                "1";"ann@example.com";"2026-11-03T04:35:00Z"
                """);

        int status = run("detect", csv.toString());

        assertThat(status).isZero();
        JsonNode detected = new ObjectMapper().readTree(out.toString());
        assertThat(detected.at("/dialect/delimiter").asText()).isEqualTo(";");
        assertThat(detected.at("/suggestedMapping/fields/agentId").asText()).isEqualTo("Agent Email");
        assertThat(detected.at("/suggestedMapping/fields/contactReference").asText()).isEqualTo("Call ID");
    }

    private int run(String... args) {
        return CallportCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
