package io.callport.naming;

import static io.callport.validate.FuzzInvariants.assertWellFormed;
import static io.callport.validate.FuzzInvariants.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fuzzes the file-name convention language: compiling any pattern, separator and time zone, and reading any name.
 * An input is UTF-8 text; its lines are the pattern, the separator, the time zone and then names to read.
 * Seeds are in {@code src/test/resources/io/callport/naming/FileNameConventionFuzzTestInputs}.
 */
class FileNameConventionFuzzTest {
    private static final Set<IssueCode> NAME_CODES = EnumSet.of(IssueCode.FILENAME_AMBIGUOUS,
            IssueCode.FILENAME_TOO_FEW_PARTS, IssueCode.FILENAME_VALUE_INVALID);
    private static final List<FileNameConvention> PRESETS = List.of(
            FileNameConvention.preset(FileNameConvention.RECORDER_PRESET),
            FileNameConvention.preset(FileNameConvention.DIRECTION_PRESET),
            new FileNameConvention("yy.MM.dd--HH.mm--agent--ref", "--", "America/New_York"));

    @FuzzTest(maxDuration = "10m")
    void compilesAnyConventionOrSaysWhy(byte[] input) throws Exception {
        List<String> lines = new String(input, StandardCharsets.UTF_8).lines().toList();
        String pattern = lines.isEmpty() ? "" : lines.getFirst();
        String separator = lines.size() > 1 ? lines.get(1) : null;
        String timeZone = lines.size() > 2 ? lines.get(2) : null;

        FileNameConvention convention;
        try {
            convention = within(() -> new FileNameConvention(pattern, separator, timeZone));
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        for (String name : lines.subList(Math.min(3, lines.size()), lines.size())) {
            assertReadsOrSaysWhy(convention, name);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void readsAnyNameWithThePresets(byte[] input) throws Exception {
        String name = new String(input, StandardCharsets.UTF_8);
        for (FileNameConvention convention : PRESETS) {
            assertReadsOrSaysWhy(convention, name);
        }
    }

    /**
     * A name either fits (fields for every field token, a date when the pattern has one) or gets issues and no
     * date; the issues name the file as it was given.
     */
    private static void assertReadsOrSaysWhy(FileNameConvention convention, String name) throws Exception {
        NameExtraction extraction = within(() -> convention.extract(name));

        assertWellFormed(extraction.issues(), NAME_CODES, name::equals, 0);
        boolean fits = extraction.issues().stream().noneMatch(Issue::isError);
        if (!fits) {
            assertThat(extraction.contactDate()).as("no date is guessed for %s", name).isNull();
        } else if (hasDateTime(convention)) {
            assertThat(extraction.contactDate()).as("the date of %s", name).isNotNull();
        }
        assertThat(extraction.fields().values()).doesNotContainNull();
    }

    private static boolean hasDateTime(FileNameConvention convention) {
        return Arrays.stream(convention.pattern().split(Pattern.quote(convention.separator()), -1))
                .anyMatch(DateTimeToken::isDateTime);
    }
}
