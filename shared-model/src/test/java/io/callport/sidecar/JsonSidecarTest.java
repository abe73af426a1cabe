package io.callport.sidecar;

import static io.callport.sidecar.SidecarReaderTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class JsonSidecarTest {

    private final SidecarReader reader = new SidecarReader();

    private SidecarRecord read(String json) throws IOException {
        return reader.read("call.json", utf8(json));
    }

    @Test
    void scalarsKeepTheirTextAsWritten() throws IOException {
        SidecarRecord record = read("""
                {"amount": 1200.50, "big": 12345678901234567890, "exp": 1.5E3, "negative": -0,
                 "done": true, "skipped": false, "note": null, "text": "caf\\u00e9 \\"quoted\\"", "empty": ""}
                """);

        assertThat(record.issues()).isEmpty();
        assertThat(record.fields()).containsExactly(
                entry("amount", new SidecarField("1200.50", 1)),
                entry("big", new SidecarField("12345678901234567890", 1)),
                entry("exp", new SidecarField("1.5E3", 1)),
                entry("negative", new SidecarField("-0", 1)),
                entry("done", new SidecarField("true", 2)),
                entry("skipped", new SidecarField("false", 2)),
                entry("note", new SidecarField("", 2)),
                entry("text", new SidecarField("café \"quoted\"", 2)),
                entry("empty", new SidecarField("", 2)));
    }

    @Test
    void nestedObjectAndListAreLeftOutWithTheirLineAndKey() throws IOException {
        SidecarRecord record = read("""
                {
                  "direction": "inbound",
                  "customer": {
                    "name": "Northwind",
                    "tags": ["a", {"deep": [1, 2]}]
                  },
                  "labels": ["vip", "fr"],
                  "email": "omar.haddad@northwind.example"
                }
                """);

        assertThat(record.fields()).containsExactly(
                entry("direction", new SidecarField("inbound", 2)),
                entry("email", new SidecarField("omar.haddad@northwind.example", 8)));
        assertThat(record.issues()).extracting(Issue::code, Issue::line, Issue::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(IssueCode.SIDECAR_NESTED, 3L, "customer"),
                org.assertj.core.groups.Tuple.tuple(IssueCode.SIDECAR_NESTED, 7L, "labels"));
        assertThat(record.issues().getFirst().message()).isEqualTo("The field 'customer' at line 3 holds an object;"
                + " only flat fields are read, so it is left out.");
        assertThat(record.issues().get(1).message()).contains("holds a list");
    }

    @Test
    void duplicateKeyKeepsTheFirstAndIsMalformed() throws IOException {
        SidecarRecord record = read("""
                {
                  "email": "first@northwind.example",
                  "direction": "inbound",
                  "email": "second@northwind.example"
                }
                """);

        assertThat(record.fields()).containsEntry("email", new SidecarField("first@northwind.example", 2));
        assertThat(record.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.SIDECAR_MALFORMED);
            assertThat(issue.line()).isEqualTo(4);
            assertThat(issue.column()).isEqualTo("email");
            assertThat(issue.value()).isEqualTo("second@northwind.example");
            assertThat(issue.message()).isEqualTo("The field 'email' at line 4 was already given at line 2; each field"
                    + " must appear once.");
        });
    }

    @Test
    void missingCommaGivesLineAndColumn() throws IOException {
        SidecarRecord record = read("""
                {
                  "direction": "inbound"
                  "email": "omar.haddad@northwind.example"
                }
                """);

        assertThat(record.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.SIDECAR_MALFORMED);
            assertThat(issue.line()).isEqualTo(3);
            assertThat(issue.message()).startsWith("The JSON is not well-formed at line 3, column 3: Unexpected character");
        });
        assertThat(record.fields()).as("what was read before the problem")
                .containsOnlyKeys("direction");
    }

    @Test
    void unclosedObject() throws IOException {
        SidecarRecord record = read("{\n\"direction\": \"inbound\",\n");

        assertThat(record.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.SIDECAR_MALFORMED);
            assertThat(issue.line()).isEqualTo(3);
            assertThat(issue.message()).startsWith("The JSON is not well-formed at line 3");
        });
    }

    @Test
    void somethingOtherThanOneObject() throws IOException {
        assertThat(read("\n[{\"direction\": \"inbound\"}]").issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.SIDECAR_MALFORMED);
            assertThat(issue.line()).isEqualTo(2);
            assertThat(issue.message()).isEqualTo("The JSON sidecar must be one object of fields"
                    + " ({\"name\": \"value\", ...}) but starts with [.");
        });
        assertThat(read("  \n ").issues()).extracting(Issue::message)
                .containsExactly("The JSON sidecar has no object of fields.");
        assertThat(read("{\"a\": 1}\n{\"b\": 2}").issues()).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isEqualTo(2);
            assertThat(issue.message()).isEqualTo("The JSON sidecar goes on after its object closes, at line 2.");
        });
    }

    @Test
    void bytesThatAreNotUtf8AreMalformed() throws IOException {
        byte[] latin1 = "{\"name\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        SidecarRecord record = reader.read("call.json", new ByteArrayInputStream(latin1));

        assertThat(record.issues()).extracting(Issue::code).containsExactly(IssueCode.SIDECAR_MALFORMED);
        assertThat(record.issues().getFirst().message()).contains("UTF-8");
    }
}
