package io.callport.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.callport.validate.IssueCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SidecarReaderTest {

    private final SidecarReader reader = new SidecarReader();

    private SidecarRecord readFixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/sidecars/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return reader.read("batch/" + name, in);
        }
    }

    @Test
    void jsonFixtureWithWholeNumber() throws IOException {
        SidecarRecord record = readFixture("20261102-083700_outbound_478.json");

        assertThat(record.file()).isEqualTo("batch/20261102-083700_outbound_478.json");
        assertThat(record.issues()).isEmpty();
        assertThat(record.fields()).containsExactly(
                entry("datetime", new SidecarField("2026-11-02T07:37:00Z", 2)),
                entry("email", new SidecarField("omar.haddad@northwind.example", 3)),
                entry("filename", new SidecarField("20261102-083700_outbound_478.wav", 4)),
                entry("direction", new SidecarField("outbound", 5)),
                entry("caller_id", new SidecarField("+442079460011", 6)),
                entry("disposition", new SidecarField("Callback", 7)),
                entry("opportunity_amount", new SidecarField("15000", 8)));
    }

    @Test
    void jsonFixturesWithZeroAndDecimal() throws IOException {
        SidecarRecord zero = readFixture("20261102-095100_inbound_512.json");
        SidecarRecord decimal = readFixture("20261102-110500_inbound_478.json");

        assertThat(zero.issues()).isEmpty();
        assertThat(zero.fields()).containsEntry("opportunity_amount", new SidecarField("0", 8))
                .containsEntry("datetime", new SidecarField("2026-11-02T08:51:00Z", 2))
                .containsEntry("caller_id", new SidecarField("+442079460013", 6))
                .hasSize(7);
        assertThat(decimal.issues()).isEmpty();
        assertThat(decimal.fields()).containsEntry("opportunity_amount", new SidecarField("1200.5", 8))
                .containsEntry("disposition", new SidecarField("Escalated", 7))
                .hasSize(7);
    }

    @Test
    void xmlFixtures() throws IOException {
        SidecarRecord record = readFixture("20261102-091400_inbound_478.xml");

        assertThat(record.issues()).isEmpty();
        assertThat(record.fields()).containsExactly(
                entry("datetime", new SidecarField("2026-11-02T08:14:00Z", 2)),
                entry("email", new SidecarField("sofia.rossi@northwind.example", 3)),
                entry("filename", new SidecarField("20261102-091400_inbound_478.wav", 4)),
                entry("direction", new SidecarField("inbound", 5)),
                entry("caller_id", new SidecarField("+442079460012", 6)),
                entry("disposition", new SidecarField("Abandoned", 7)),
                entry("opportunity_amount", new SidecarField("1200.5", 8)));

        SidecarRecord other = readFixture("20261102-102800_outbound_512.xml");
        assertThat(other.issues()).isEmpty();
        assertThat(other.fields()).containsEntry("email", new SidecarField("jean-pierre.dupont@northwind.example", 3))
                .containsEntry("opportunity_amount", new SidecarField("0", 8))
                .hasSize(7);
    }

    @Test
    void everyFixtureIsReadWithoutIssuesAndNamesItsRecording() throws IOException {
        for (String name : new String[] {"20261102-083700_outbound_478.json", "20261102-091400_inbound_478.xml",
                "20261102-095100_inbound_512.json", "20261102-102800_outbound_512.xml", "20261102-110500_inbound_478.json"}) {
            SidecarRecord record = readFixture(name);
            assertThat(record.issues()).as(name).isEmpty();
            assertThat(record.fields().get("filename").value()).as(name)
                    .startsWith(SidecarReader.recordingBaseName(name) + ".");
        }
    }

    @Test
    void oversizedSidecarIsRefusedWithoutReadingOn() throws IOException {
        EndlessJson content = new EndlessJson();

        SidecarRecord record = reader.read("huge.json", content);

        assertThat(content.bytesRead).isEqualTo(SidecarReader.MAX_SIDECAR_BYTES + 1L);
        assertThat(record.fields()).isEmpty();
        assertThat(record.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.SIDECAR_MALFORMED);
            assertThat(issue.line()).isZero();
            assertThat(issue.message()).isEqualTo("The sidecar is larger than 1 MiB (1048576 bytes); a sidecar holds"
                    + " a few flat fields, so it was not read further.");
        });
    }

    @Test
    void sidecarOfExactlyTheLimitIsRead() throws IOException {
        String head = "{\"note\": \"";
        String tail = "\"}";
        String body = "x".repeat(SidecarReader.MAX_SIDECAR_BYTES - head.length() - tail.length());

        SidecarRecord record = reader.read("full.json", utf8(head + body + tail));

        assertThat(record.issues()).isEmpty();
        assertThat(record.fields().get("note").value()).hasSize(body.length());
    }

    @Test
    void emptySidecar() throws IOException {
        for (String name : new String[] {"a.json", "a.xml"}) {
            SidecarRecord record = reader.read(name, utf8(""));
            assertThat(record.issues()).singleElement().satisfies(issue -> {
                assertThat(issue.code()).isEqualTo(IssueCode.SIDECAR_MALFORMED);
                assertThat(issue.message()).isEqualTo("The sidecar is empty (0 bytes).");
            });
        }
    }

    @Test
    void formatFollowsTheExtensionInAnyCase() throws IOException {
        assertThat(reader.read("A.XML", utf8("<call><direction>inbound</direction></call>")).fields())
                .containsEntry("direction", new SidecarField("inbound", 1));
        assertThat(reader.read("A.Json", utf8("{\"direction\": \"inbound\"}")).fields())
                .containsEntry("direction", new SidecarField("inbound", 1));
        assertThat(reader.read("looks-like.json", utf8("<call><direction>inbound</direction></call>")).issues())
                .as("XML content in a .json file is read as JSON, and so is not well-formed")
                .extracting(issue -> issue.code()).containsExactly(IssueCode.SIDECAR_MALFORMED);
    }

    @Test
    void namesThatAreNotSidecarsAreRefused() {
        assertThatThrownBy(() -> reader.read("20261102-083700_outbound_478.wav", utf8("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'20261102-083700_outbound_478.wav' is not a sidecar: its name must end in .json or .xml.");
    }

    @Test
    void sidecarNames() {
        assertThat(SidecarReader.isSidecarName("20261102-083700_outbound_478.json")).isTrue();
        assertThat(SidecarReader.isSidecarName("dir/20261102-091400_inbound_478.XML")).isTrue();
        assertThat(SidecarReader.isSidecarName("20261102-083700_outbound_478.wav")).isFalse();
        assertThat(SidecarReader.isSidecarName("calls.csv")).isFalse();
        assertThat(SidecarReader.isSidecarName("json")).isFalse();
        assertThat(SidecarReader.isSidecarName("json.d/notes")).isFalse();
    }

    @Test
    void recordingBaseNames() {
        assertThat(SidecarReader.recordingBaseName("x/20261102-083700_outbound_478.json"))
                .isEqualTo("20261102-083700_outbound_478");
        assertThat(SidecarReader.recordingBaseName("batch.zip!/in\\20261102-091400_inbound_478.xml"))
                .isEqualTo("20261102-091400_inbound_478");
        assertThat(SidecarReader.recordingBaseName("BXyT30eVTWlZjUA.xml")).isEqualTo("BXyT30eVTWlZjUA");
    }

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON object that never ends, counting how much of it was asked for. */
    private static final class EndlessJson extends InputStream {
        private static final byte[] START = "{\"note\": \"".getBytes(StandardCharsets.US_ASCII);
        long bytesRead;

        @Override
        public int read() {
            byte b = bytesRead < START.length ? START[(int) bytesRead] : (byte) 'x';
            bytesRead++;
            return b;
        }
    }
}
