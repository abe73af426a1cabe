package io.callport.naming;

import static io.callport.naming.FileNameConvention.DIRECTION_PRESET;
import static io.callport.naming.FileNameConvention.RECORDER_PRESET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNameConventionTest {

    private static final FileNameConvention RECORDER = FileNameConvention.preset(RECORDER_PRESET);
    private static final FileNameConvention DIRECTION = FileNameConvention.preset(DIRECTION_PRESET);

    private record Expected(FileNameConvention convention, Map<String, String> fields, Instant contactDate,
                            IssueCode issue) {
        static Expected fits(FileNameConvention convention, Instant contactDate, Map<String, String> fields) {
            return new Expected(convention, fields, contactDate, null);
        }

        static Expected rejected(FileNameConvention convention, IssueCode issue) {
            return new Expected(convention, Map.of(), null, issue);
        }
    }

    /** Every name of fixtures/filenames.txt with what its convention must read from it. */
    private static final Map<String, Expected> FIXTURE_EXPECTATIONS = Map.of(
            "2026_02_11_15_20_33_Jean-Pierre_Dupont_Entrant_478_0682316817_163.mp3",
            Expected.fits(RECORDER, Instant.parse("2026-02-11T15:20:33Z"), Map.of(
                    "agentFirstName", "Jean-Pierre", "agentLastName", "Dupont", "channel", "Entrant",
                    "agentExtension", "478", "line", "0682316817", "reason", "163")),
            "2026_02_11_16_02_10_Sofia_Rossi_Sortant_481_0611223344_201.mp3",
            Expected.fits(RECORDER, Instant.parse("2026-02-11T16:02:10Z"), Map.of(
                    "agentFirstName", "Sofia", "agentLastName", "Rossi", "channel", "Sortant",
                    "agentExtension", "481", "line", "0611223344", "reason", "201")),
            "20171012-140253_inbound_478.wav",
            Expected.fits(DIRECTION, Instant.parse("2017-10-12T14:02:53Z"), Map.of(
                    "direction", "inbound", "agentId", "478")),
            "20181012-140253_outbound_joe_baducci.wav",
            Expected.rejected(DIRECTION, IssueCode.FILENAME_AMBIGUOUS),
            "2026_02_12_09_00_01_Anne_Le_Gall_Entrant_490_0699887766_163.mp3",
            Expected.rejected(RECORDER, IssueCode.FILENAME_AMBIGUOUS));

    @Test
    void everyFixtureNameReadsExactlyAsExpected() throws IOException {
        List<String> names = fixtureNames();
        assertThat(names).containsExactlyInAnyOrderElementsOf(FIXTURE_EXPECTATIONS.keySet());
        for (String name : names) {
            Expected expected = FIXTURE_EXPECTATIONS.get(name);
            NameExtraction extraction = expected.convention().extract(name);
            assertThat(extraction.fields()).as(name).isEqualTo(expected.fields());
            assertThat(extraction.contactDate()).as(name).isEqualTo(expected.contactDate());
            assertThat(extraction.issues()).as(name).extracting(Issue::code)
                    .isEqualTo(expected.issue() == null ? List.of() : List.of(expected.issue()));
        }
    }

    private static List<String> fixtureNames() throws IOException {
        try (InputStream in = FileNameConventionTest.class.getResourceAsStream("/fixtures/filenames.txt")) {
            assertThat(in).as("fixtures/filenames.txt on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        }
    }

    @Test
    void fieldsFollowThePatternOrderAndCannotBeChanged() {
        NameExtraction extraction = RECORDER.extract("2026_02_11_15_20_33_Jean-Pierre_Dupont_Entrant_478_0682316817_163.mp3");

        assertThat(extraction.fields()).containsExactly(entry("agentFirstName", "Jean-Pierre"),
                entry("agentLastName", "Dupont"), entry("channel", "Entrant"), entry("agentExtension", "478"),
                entry("line", "0682316817"), entry("reason", "163"));
        assertThatThrownBy(() -> extraction.fields().put("reason", "1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ambiguousNameSaysWhyAndGuessesNothing() {
        NameExtraction extraction = DIRECTION.extract("20181012-140253_outbound_joe_baducci.wav");

        assertThat(extraction.fields()).isEmpty();
        assertThat(extraction.contactDate()).isNull();
        Issue issue = extraction.issues().getFirst();
        assertThat(issue.file()).isEqualTo("20181012-140253_outbound_joe_baducci.wav");
        assertThat(issue.line()).isZero();
        assertThat(issue.message()).isEqualTo("'20181012-140253_outbound_joe_baducci' has 4 parts separated by"
                + " '_' but the convention yyyyMMdd-HHmmss_direction_uid has 3: the separator appears inside a field,"
                + " so the name cannot be split without guessing.");
    }

    @Test
    void missingPartIsTooFewParts() {
        NameExtraction extraction = DIRECTION.extract("20171012-140253_inbound.wav");

        assertThat(extraction.fields()).isEmpty();
        assertThat(extraction.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.FILENAME_TOO_FEW_PARTS);
            assertThat(issue.message()).startsWith("'20171012-140253_inbound' has 2 parts separated by '_' but the"
                    + " convention yyyyMMdd-HHmmss_direction_uid has 3");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2026_13_11_15_20_33_Sofia_Rossi_Sortant_481_0611223344_201.mp3 | MM   | 13   | the month 13 is not between 01 and 12.
            2026_02_00_15_20_33_Sofia_Rossi_Sortant_481_0611223344_201.mp3 | dd   | 00   | the day 00 is not between 01 and 31.
            2026_02_11_24_20_33_Sofia_Rossi_Sortant_481_0611223344_201.mp3 | HH   | 24   | the hour 24 is not between 00 and 23.
            2026_02_11_15_60_33_Sofia_Rossi_Sortant_481_0611223344_201.mp3 | mm   | 60   | the minute 60 is not between 00 and 59.
            2026_02_11_15_20_61_Sofia_Rossi_Sortant_481_0611223344_201.mp3 | ss   | 61   | the second 61 is not between 00 and 59.
            2026_02_30_15_20_33_Sofia_Rossi_Sortant_481_0611223344_201.mp3 | dd   | 30   | February 2026 has 28 days, so there is no day 30.
            2028_02_30_15_20_33_Sofia_Rossi_Sortant_481_0611223344_201.mp3 | dd   | 30   | February 2028 has 29 days, so there is no day 30.
            2O26_02_11_15_20_33_Sofia_Rossi_Sortant_481_0611223344_201.mp3 | yyyy | 2O26 | it needs digits where the convention has date-time letters and every other character as written.
            26_02_11_15_20_33_Sofia_Rossi_Sortant_481_0611223344_201.mp3   | yyyy | 26   | it needs digits where the convention has date-time letters and every other character as written.
            """)
    void impossibleDatePartNamesItsToken(String name, String token, String part, String problem) {
        NameExtraction extraction = RECORDER.extract(name);

        assertThat(extraction.contactDate()).isNull();
        assertThat(extraction.fields()).containsEntry("agentLastName", "Rossi");
        assertThat(extraction.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.FILENAME_VALUE_INVALID);
            assertThat(issue.file()).isEqualTo(name);
            assertThat(issue.column()).isEqualTo(token);
            assertThat(issue.value()).isEqualTo(part);
            assertThat(issue.message()).isEqualTo("The part '" + part + "' for " + token + " is invalid: " + problem);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            20171312-140253_inbound_478.wav | the month 13 is not between 01 and 12.
            20171012-250253_inbound_478.wav | the hour 25 is not between 00 and 23.
            20171012+140253_inbound_478.wav | it needs digits where the convention has date-time letters and every other character as written.
            2017101-1140253_inbound_478.wav | it needs digits where the convention has date-time letters and every other character as written.
            20171012-14025_inbound_478.wav  | it needs digits where the convention has date-time letters and every other character as written.
            """)
    void combinedDateTokenIsCheckedWhole(String name, String problem) {
        NameExtraction extraction = DIRECTION.extract(name);

        assertThat(extraction.contactDate()).isNull();
        assertThat(extraction.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.FILENAME_VALUE_INVALID);
            assertThat(issue.column()).isEqualTo("yyyyMMdd-HHmmss");
            assertThat(issue.message()).endsWith(problem);
        });
    }

    @Test
    void foldersAndFileExtensionAreDroppedBeforeSplitting() {
        assertThat(DIRECTION.extract("batch.zip!/2017/10/20171012-140253_inbound_478.WAV").fields())
                .containsEntry("agentId", "478");
        assertThat(DIRECTION.extract("C:\\recordings\\20171012-140253_inbound_478.mp3").fields())
                .containsEntry("agentId", "478");
        assertThat(DIRECTION.extract("20171012-140253_inbound_478").fields())
                .as("a name without a file extension is read whole")
                .containsEntry("agentId", "478");
    }

    @Test
    void timeZoneOfTheConventionGivesTheInstant() {
        FileNameConvention paris = new FileNameConvention(DIRECTION_PRESET, null, "Europe/Paris");

        assertThat(paris.extract("20260211-152033_inbound_478.wav").contactDate())
                .isEqualTo(Instant.parse("2026-02-11T14:20:33Z"));
        assertThat(paris.extract("20260711-152033_inbound_478.wav").contactDate())
                .isEqualTo(Instant.parse("2026-07-11T13:20:33Z"));
        assertThat(new FileNameConvention(DIRECTION_PRESET, "_", "-05:00").extract("20260211-152033_inbound_478.wav")
                .contactDate()).isEqualTo(Instant.parse("2026-02-11T20:20:33Z"));
    }

    @Test
    void clockChangesResolveLikeTheWallClock() {
        FileNameConvention paris = new FileNameConvention(DIRECTION_PRESET, null, "Europe/Paris");

        assertThat(paris.extract("20260329-023000_inbound_478.wav").contactDate())
                .as("02:30 does not exist on the spring-forward night: read as 03:30 summer time")
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(paris.extract("20261025-023000_inbound_478.wav").contactDate())
                .as("02:30 happens twice on the fall-back night: the first one, still summer time")
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void customPatternWithOtherSeparatorAndCustomFields() {
        FileNameConvention convention = new FileNameConvention("campaign-uid-dd.MM.yy-HHmm", "-", null);

        NameExtraction extraction = convention.extract("spring2026-agent42-03.04.26-0915.ogg");

        assertThat(extraction.issues()).isEmpty();
        assertThat(extraction.fields()).containsExactly(entry("campaign", "spring2026"), entry("agentId", "agent42"));
        assertThat(extraction.contactDate()).isEqualTo(Instant.parse("2026-04-03T09:15:00Z"));
    }

    @Test
    void dateOnlyPatternGivesMidnightAndPatternWithoutDateGivesNoDate() {
        assertThat(FileNameConvention.preset("yyyyMMdd_uid").extract("20260403_42.wav").contactDate())
                .isEqualTo(Instant.parse("2026-04-03T00:00:00Z"));
        NameExtraction noDate = FileNameConvention.preset("direction_uid").extract("inbound_42.wav");
        assertThat(noDate.contactDate()).isNull();
        assertThat(noDate.issues()).isEmpty();
        assertThat(noDate.fields()).containsExactly(entry("direction", "inbound"), entry("agentId", "42"));
    }

    @Test
    void multiCharacterSeparatorLetsTheSingleCharacterIntoFields() {
        FileNameConvention convention = new FileNameConvention("yyyyMMdd__first__last", "__", null);

        NameExtraction extraction = convention.extract("20260211__Anne__Le_Gall.mp3");

        assertThat(extraction.fields()).containsExactly(entry("agentFirstName", "Anne"), entry("agentLastName", "Le_Gall"));
        assertThat(extraction.contactDate()).isEqualTo(Instant.parse("2026-02-11T00:00:00Z"));
    }

    @Test
    void separatorsRunningIntoEachOtherAreAmbiguous() {
        FileNameConvention convention = new FileNameConvention("yyyyMMdd__first__last", "__", null);

        NameExtraction extraction = convention.extract("20260211__Anne___Gall.mp3");

        assertThat(extraction.fields()).as("neither 'Anne_'+'Gall' nor 'Anne'+'_Gall' is guessed").isEmpty();
        assertThat(extraction.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.FILENAME_AMBIGUOUS);
            assertThat(issue.message()).isEqualTo("'20260211__Anne___Gall' has the separator '__' overlapping"
                    + " itself, so where one part ends cannot be told without guessing.");
        });
    }

    @Test
    void emptyPartIsAnEmptyValue() {
        assertThat(FileNameConvention.preset("yyyyMMdd_first_last").extract("20260211__Dupont.mp3").fields())
                .as("whether a value is required is the mapping's decision")
                .containsExactly(entry("agentFirstName", ""), entry("agentLastName", "Dupont"));
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            '    '                         | null | null      | The file-name pattern is empty
            yyyyMMdd_uid                   | ''   | null      | The separator is empty
            yyyyMMdd0uid                   | 0    | null      | The separator '0' has a letter or digit
            yyyyMMdd__uid                  | _    | null      | The pattern 'yyyyMMdd__uid' has an empty token at position 2
            _yyyyMMdd_uid                  | _    | null      | has an empty token at position 1
            yyyyMMdd-HHmmss-direction-uid  | _    | null      | The token 'yyyyMMdd-HHmmss-direction-uid' of the pattern
            yyyyMMdd_first name            | _    | null      | The token 'first name' of the pattern
            yyyyMMdd-hhmmss_uid            | _    | null      | uses 'hh'; write 'HH' for the hour 00–23
            yyyyMMdd-HHmmsss_uid           | _    | null      | has 'sss', which is not one of yyyy, yy, MM, dd, HH, mm, ss
            yyyyMMdd_HHmm_dd_uid           | _    | null      | gives the day twice
            yyyyMMdd_first_first           | _    | null      | names the field agentFirstName twice
            yyyyMMdd_ext_agentExtension    | _    | null      | names the field agentExtension twice
            HHmmss_uid                     | _    | null      | has date-time parts but no year
            yyyyMM_uid                     | _    | null      | has date-time parts but no day
            yyyyMMdd-mmss_uid              | _    | null      | has date-time parts but no hour
            yyyy_MM_dd__HH                 | __   | null      | The date-time token 'yyyy_MM_dd' contains '_', which is part of the separator '__'
            yyyyMMdd_uid                   | _    | Mars/Base | The time zone 'Mars/Base' is unknown
            """)
    void invalidConventionIsRefusedWithAReason(String pattern, String separator, String timeZone, String reason) {
        assertThatThrownBy(() -> new FileNameConvention(pattern, separator, timeZone))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void nullPatternIsRefused() {
        assertThatThrownBy(() -> FileNameConvention.preset(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The file-name pattern is empty");
    }

    @Test
    void equalConventionsShareOneCompiledForm() {
        assertThat(CompiledConvention.of(DIRECTION_PRESET, "_", "Europe/Paris"))
                .isSameAs(CompiledConvention.of(DIRECTION_PRESET, "_", "Europe/Paris"))
                .isNotSameAs(CompiledConvention.of(DIRECTION_PRESET, "_", "UTC"));
    }
}
