package io.callport.sidecar;

import static io.callport.sidecar.SidecarReaderTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class XmlSidecarTest {

    private final SidecarReader reader = new SidecarReader();

    private SidecarRecord read(String xml) throws IOException {
        return reader.read("call.xml", utf8(xml));
    }

    @Test
    void textIsUnescapedAndTrimmedOfIndentation() throws IOException {
        SidecarRecord record = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- exported by the dialer -->
                <call xmlns="urn:example:calls" version="2">
                  <company>Smith &amp; Sons &lt;UK&gt;</company>
                  <note><![CDATA[a <b> c]]></note>
                  <city>Besan&#231;on</city>
                  <empty/>
                  <disposition>
                    Callback
                  </disposition>
                  <x:amount xmlns:x="urn:example:x" currency="EUR">12.50</x:amount>
                </call>
                """);

        assertThat(record.issues()).isEmpty();
        assertThat(record.fields()).containsExactly(
                entry("company", new SidecarField("Smith & Sons <UK>", 4)),
                entry("note", new SidecarField("a <b> c", 5)),
                entry("city", new SidecarField("Besançon", 6)),
                entry("empty", new SidecarField("", 7)),
                entry("disposition", new SidecarField("Callback", 8)),
                entry("amount", new SidecarField("12.50", 11)));
    }

    @Test
    void grandChildrenAreLeftOutWithTheirFieldAndLine() throws IOException {
        SidecarRecord record = read("""
                <call>
                  <direction>inbound</direction>
                  <customer>
                    <name>Northwind</name>
                    <address><city>Leeds</city></address>
                  </customer>
                  <email>omar.haddad@northwind.example</email>
                </call>
                """);

        assertThat(record.fields()).containsExactly(
                entry("direction", new SidecarField("inbound", 2)),
                entry("email", new SidecarField("omar.haddad@northwind.example", 7)));
        assertThat(record.issues()).extracting(Issue::code, Issue::line, Issue::column)
                .containsExactly(tuple(IssueCode.SIDECAR_NESTED, 3L, "customer"));
        assertThat(record.issues().getFirst().message()).isEqualTo("The field 'customer' at line 3 has the element"
                + " <name> inside it at line 4; only flat fields are read, so it is left out.");
    }

    @Test
    void duplicateElementKeepsTheFirstAndIsMalformed() throws IOException {
        SidecarRecord record = read("<call>\n<email>a@x.example</email>\n<email>b@x.example</email>\n</call>");

        assertThat(record.fields()).containsExactly(entry("email", new SidecarField("a@x.example", 2)));
        assertThat(record.issues()).extracting(Issue::code, Issue::line, Issue::column, Issue::value)
                .containsExactly(tuple(IssueCode.SIDECAR_MALFORMED, 3L, "email", "b@x.example"));
    }

    @Test
    void unclosedElementGivesItsLine() throws IOException {
        SidecarRecord record = read("<call>\n  <direction>inbound</direction>\n  <email>omar@northwind.example\n</call>\n");

        assertThat(record.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.SIDECAR_MALFORMED);
            assertThat(issue.line()).isEqualTo(4);
            assertThat(issue.message()).startsWith("The XML is not well-formed at line 4, column ")
                    .contains("must be terminated by the matching end-tag \"</email>\"")
                    .doesNotContain("ParseError");
        });
    }

    @Test
    void twoRootsAndTextOutsideAreMalformed() throws IOException {
        assertThat(read("<call><a>1</a></call>\n<call><b>2</b></call>").issues())
                .extracting(Issue::code, Issue::line).containsExactly(tuple(IssueCode.SIDECAR_MALFORMED, 2L));
        assertThat(read("direction=inbound").issues())
                .extracting(Issue::code, Issue::line).containsExactly(tuple(IssueCode.SIDECAR_MALFORMED, 1L));
    }

    @Test
    void entityReferenceWithoutDoctypeIsForbiddenToo() throws IOException {
        SidecarRecord record = read("<call>\n<a>&secret;</a>\n</call>");

        assertThat(record.fields()).isEmpty();
        assertThat(record.issues()).extracting(Issue::code, Issue::line)
                .containsExactly(tuple(IssueCode.SIDECAR_FORBIDDEN_CONSTRUCT, 2L));
    }
}
