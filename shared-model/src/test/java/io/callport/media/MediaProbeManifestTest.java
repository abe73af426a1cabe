package io.callport.media;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import io.callport.validate.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every row of the fixtures' MANIFEST.csv, probed from disk and as a single-pass stream. */
class MediaProbeManifestTest {

    private final MediaProbe probe = new MediaProbe();

    static Stream<Arguments> rows() {
        return MediaFixtures.manifest().stream()
                .flatMap(row -> Stream.of(ProbeMode.values()).map(mode -> Arguments.of(row, mode)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("rows")
    void probesAsTheManifestSays(MediaFixtures.Row row, ProbeMode mode) throws IOException {
        ProbeResult result = mode.probe(probe, MediaFixtures.file(row.file()));

        if (row.verdict() == null) {
            assertThat(result.issues()).isEmpty();
        } else {
            assertThat(result.issues()).extracting(Issue::code).containsExactly(row.verdict());
            assertThat(result.issues().getFirst().file()).isEqualTo(row.file());
            assertThat(result.issues().getFirst().message()).startsWith(row.file() + " ");
        }
        boolean usable = row.verdict() == null || row.verdict().severity() != Severity.ERROR;
        assertThat(result.accepted()).isEqualTo(usable);
        if (!usable) {
            assertThat(result.info()).isNull();
            return;
        }
        MediaInfo info = result.info();
        assertThat(info.format()).isEqualTo(row.format());
        assertThat(info.codec()).isEqualTo(row.audioCodec());
        assertThat(info.channels()).isEqualTo(row.channels());
        assertThat(info.sampleRateHz()).isEqualTo(row.sampleRateHz());
        assertThat(info.hasVideo()).isEqualTo(row.hasVideo());
        assertThat(info.duration().toNanos() / 1e9).isCloseTo(row.durationSeconds(), within(0.1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.callport.media.MediaFixtures#manifest")
    void bothWaysOfProbingAgree(MediaFixtures.Row row) throws IOException {
        ProbeResult fromDisk = ProbeMode.RANDOM_ACCESS.probe(probe, MediaFixtures.file(row.file()));
        ProbeResult fromStream = ProbeMode.SINGLE_PASS.probe(probe, MediaFixtures.file(row.file()));

        assertThat(fromStream).isEqualTo(fromDisk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.callport.media.MediaFixtures#manifest")
    void issuesUseTheirCodesDefaultSeverity(MediaFixtures.Row row) throws IOException {
        ProbeResult result = probe.probe(MediaFixtures.file(row.file()));

        assertThat(result.issues())
                .allSatisfy(issue -> assertThat(issue.severity()).isEqualTo(issue.code().severity()));
        assertThat(result.issues()).extracting(Issue::code).doesNotContain(IssueCode.MEDIA_CORRUPT);
    }
}
