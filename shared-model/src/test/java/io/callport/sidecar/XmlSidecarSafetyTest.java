package io.callport.sidecar;

import static io.callport.sidecar.SidecarReaderTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile XML must be refused before the parser fetches, reads or expands anything. */
class XmlSidecarSafetyTest {

    /** Generous for a busy CI machine; an expanded bomb takes minutes or runs out of memory. */
    private static final Duration FAST = Duration.ofSeconds(20);
    private static final String SECRET = "TOP-SECRET-9f3a";

    private final SidecarReader reader = new SidecarReader();

    private SidecarRecord readQuickly(String xml) {
        return assertTimeoutPreemptively(FAST, () -> reader.read("hostile.xml", utf8(xml)));
    }

    private static void assertRefused(SidecarRecord record) {
        assertThat(record.fields()).isEmpty();
        assertThat(record.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.SIDECAR_FORBIDDEN_CONSTRUCT);
            assertThat(issue.message()).contains("declares a DTD or uses an entity").doesNotContain(SECRET);
        });
    }

    @Test
    void externalEntityReadingALocalFileIsRefused(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);

        SidecarRecord record = readQuickly("""
                <?xml version="1.0"?>
                <!DOCTYPE call [ <!ENTITY xxe SYSTEM "%s"> ]>
                <call><note>&xxe;</note></call>
                """.formatted(secret.toUri()));

        assertRefused(record);
        assertThat(record.issues().getFirst().line()).isEqualTo(2);
    }

    @Test
    void externalDtdAndParameterEntitiesNeverConnect() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String base = "http://127.0.0.1:" + listener.getLocalPort();

            assertRefused(readQuickly("<!DOCTYPE call SYSTEM \"" + base + "/evil.dtd\">\n<call><a>1</a></call>"));
            assertRefused(readQuickly("<!DOCTYPE call [ <!ENTITY % remote SYSTEM \"" + base + "/p.dtd\"> %remote; ]>"
                    + "\n<call><a>1</a></call>"));

            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).as("no connection reached the listener")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void billionLaughsIsRefusedWithoutExpanding() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE call [\n<!ENTITY lol0 \"lol\">\n");
        for (int level = 1; level <= 10; level++) {
            xml.append("<!ENTITY lol").append(level).append(" \"")
                    .append(("&lol" + (level - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<call><laugh>&lol10;</laugh></call>\n");

        assertRefused(readQuickly(xml.toString()));
    }

    @Test
    void quadraticBlowupIsRefusedWithoutExpanding() {
        String xml = "<!DOCTYPE call [<!ENTITY big \"" + "x".repeat(50_000) + "\">]>\n<call><a>"
                + "&big;".repeat(20_000) + "</a></call>";

        assertRefused(readQuickly(xml));
    }

    @Test
    void aDoctypeWithANulCharacterIsMalformedInsteadOfEndingTheBatch() {
        // found by SidecarReaderFuzzTest: the JDK's parser threw MissingResourceException, which no caller expects
        SidecarRecord record = readQuickly("<?xml version=\"1.0\"?>\n<!DOCTYPE call [\n<!ENTITY a \"\u0000\">\n]>\n"
                + "<call><agent>ann</agent></call>\n");

        assertThat(record.fields()).isEmpty();
        assertThat(record.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.SIDECAR_MALFORMED);
            assertThat(issue.file()).isEqualTo("hostile.xml");
            assertThat(issue.line()).isEqualTo(3);
            assertThat(issue.message()).isEqualTo("The XML is not well-formed near line 3, so it cannot be read.");
        });
    }

    @Test
    void aFileEndingInsideItsDtdIsMalformedOnLineZeroNotMinusOne() {
        // found by SidecarReaderFuzzTest: the parser's location is -1 there, and issue lines are never negative
        SidecarRecord record = readQuickly("<?xml version=\"1.0\"?>\n<!DOCTYPE call [\n<!ENTITY a \"lol\">\n<!El>\n");

        assertThat(record.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.SIDECAR_MALFORMED);
            assertThat(issue.line()).isZero();
            assertThat(issue.message()).isEqualTo("The XML is not well-formed: Premature end of file.");
        });
    }

    @Test
    void harmlessDoctypeIsRefusedToo() {
        SidecarRecord record = readQuickly("<!DOCTYPE call>\n<call><direction>inbound</direction></call>");

        assertRefused(record);
        assertThat(record.issues()).extracting(Issue::line).containsExactly(1L);
    }
}
