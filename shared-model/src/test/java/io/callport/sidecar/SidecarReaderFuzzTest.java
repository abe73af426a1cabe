package io.callport.sidecar;

import static io.callport.validate.FuzzInvariants.assertWellFormed;
import static io.callport.validate.FuzzInvariants.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.callport.validate.IssueCode;
import java.io.ByteArrayInputStream;
import java.util.EnumSet;
import java.util.Set;

/**
 * Fuzzes the JSON and XML sidecar readers with any bytes. Seeds are in
 * {@code src/test/resources/io/callport/sidecar/SidecarReaderFuzzTestInputs}; among them are DTDs, external entities
 * and entity expansions, so mutations of them exercise the refusal (XmlSidecarSafetyTest asserts the refusal itself).
 */
class SidecarReaderFuzzTest {
    private static final Set<IssueCode> SIDECAR_CODES = EnumSet.of(IssueCode.SIDECAR_MALFORMED,
            IssueCode.SIDECAR_NESTED, IssueCode.SIDECAR_FORBIDDEN_CONSTRUCT);

    private final SidecarReader reader = new SidecarReader();

    @FuzzTest(maxDuration = "10m")
    void readsAnyJson(byte[] content) throws Exception {
        assertReadOrRefused("call.json", content);
    }

    @FuzzTest(maxDuration = "10m")
    void readsAnyXml(byte[] content) throws Exception {
        assertReadOrRefused("call.xml", content);
    }

    /** Every field keeps the line it is on; the fields read are complete only when no error was found. */
    private SidecarRecord assertReadOrRefused(String name, byte[] content) throws Exception {
        SidecarRecord record = within(() -> reader.read(name, new ByteArrayInputStream(content)));

        long maxLine = lineBreaks(content) + 1;
        assertWellFormed(record.issues(), SIDECAR_CODES, name::equals, maxLine);
        assertThat(record.file()).isEqualTo(name);
        record.fields().forEach((field, value) -> {
            assertThat(field).isNotNull();
            assertThat(value.value()).as("value of %s", field).isNotNull();
            assertThat(value.line()).as("line of %s", field).isBetween(1L, maxLine);
        });
        return record;
    }

    private static long lineBreaks(byte[] content) {
        long breaks = 0;
        for (byte b : content) {
            if (b == '\n' || b == '\r') {
                breaks++;
            }
        }
        return breaks;
    }
}
