package io.callport.media;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import io.callport.validate.Severity;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * Files cut short at test time. Where the header declares the recording's length, a cut is an error (the file lost
 * data after the recorder finished it); where only the last frame or page is incomplete, a warning.
 */
class MediaTruncationTest {

    private final MediaProbe probe = new MediaProbe();

    @TempDir
    Path directory;

    /** fixture, bytes kept, what the message must say. */
    static Stream<Arguments> cutsThatLoseDeclaredAudio() {
        return Stream.of(
                Arguments.of("call-stereo.wav", 192_000,
                        "its WAV header declares 384,000 bytes of audio (12.0 seconds) but the file holds only 191,956"),
                Arguments.of("call-gsm.wav", 10_000, "its WAV header declares"),
                Arguments.of("call.aiff", 100_000, "its AIFF header declares 384,000 bytes"),
                Arguments.of("call.au", 100_000, "its AU header declares 192,000 bytes"),
                Arguments.of("call.flac", 100_000,
                        "its FLAC header declares 12.0 seconds of audio but the file holds only"),
                Arguments.of("call.wma", 40_000, "its Windows Media data object declares"),
                Arguments.of("call.webm", 20_000, "its WebM Segment declares"),
                Arguments.of("call.m4a", 30_000, "before the index (moov box) that players need"),
                Arguments.of("call.mp3", 20_000, "its MP3 Info header declares 48,960 bytes"));
    }

    @ParameterizedTest(name = "{0} cut to {1} bytes")
    @MethodSource("cutsThatLoseDeclaredAudio")
    void cutThatLosesDeclaredAudioIsAnError(String fixture, int kept, String expected) throws IOException {
        Path cut = Fixtures.write(directory, fixture, Fixtures.firstBytes(fixture, kept));

        for (ProbeMode mode : ProbeMode.values()) {
            ProbeResult result = mode.probe(probe, cut);

            assertThat(result.accepted()).as(mode.name()).isFalse();
            assertThat(result.info()).isNull();
            assertThat(result.issues()).singleElement().satisfies(issue -> {
                assertThat(issue.code()).isEqualTo(IssueCode.MEDIA_TRUNCATED);
                assertThat(issue.severity()).isEqualTo(Severity.ERROR);
                assertThat(issue.message()).startsWith(fixture + " ").contains(expected)
                        .endsWith("send the original again.");
            });
        }
    }

    /** fixture, bytes cut off the end, the unit named, the length still expected (seconds). */
    static Stream<Arguments> cutsOfTheLastUnitOnly() {
        return Stream.of(
                Arguments.of("call.gsm", 10, "GSM frame", 11.98),
                Arguments.of("call.ogg", 100, "Ogg page", 12.0),
                Arguments.of("call.mpg", 100, "MPEG packet", 11.95));
    }

    @ParameterizedTest(name = "{0} without its last {1} bytes")
    @MethodSource("cutsOfTheLastUnitOnly")
    void cutOfOnlyTheLastFrameIsAWarning(String fixture, int cutOff, String unit, double seconds) throws IOException {
        byte[] whole = Fixtures.bytes(fixture);
        Path cut = Fixtures.write(directory, fixture, Fixtures.firstBytes(fixture, whole.length - cutOff));

        for (ProbeMode mode : ProbeMode.values()) {
            ProbeResult result = mode.probe(probe, cut);

            assertThat(result.accepted()).as(mode.name()).isTrue();
            assertThat(result.issues()).singleElement().satisfies(issue -> {
                assertThat(issue.code()).isEqualTo(IssueCode.MEDIA_TRUNCATED);
                assertThat(issue.severity()).isEqualTo(Severity.WARNING);
                assertThat(issue.message()).startsWith(fixture + " ends in the middle of its last " + unit);
            });
            assertThat(result.info().duration().toMillis() / 1000.0).isCloseTo(seconds, within(0.1));
        }
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void mp3WithoutAnInfoHeaderCutInsideAFrameIsAWarning(ProbeMode mode) throws IOException {
        byte[] walked = MediaVariantsTest.withoutInfoHeader(Fixtures.bytes("call.mp3"));
        Path cut = Fixtures.write(directory, "cut.mp3", Arrays.copyOf(walked, 45 + 100 * 288 + 50));

        ProbeResult result = mode.probe(probe, cut);

        assertThat(result.issues()).extracting(Issue::code, Issue::severity, Issue::message).containsExactly(
                tuple(IssueCode.MEDIA_TRUNCATED, Severity.WARNING,
                        "cut.mp3 ends in the middle of its last MP3 frame (50 of 288 bytes). Everything before it"
                                + " plays, so the recording is taken in."));
        assertThat(result.info().duration().toMillis()).isEqualTo(100 * 72);
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void fileEndingInsideItsHeaderIsCutOff(ProbeMode mode) throws IOException {
        Path cut = Fixtures.write(directory, "cut.wma", Fixtures.firstBytes("call.wma", 100));

        assertThat(mode.probe(probe, cut).issues()).extracting(Issue::code, Issue::message).containsExactly(
                tuple(IssueCode.MEDIA_TRUNCATED, "cut.wma is cut off inside its Windows"
                        + " Media header: the file ends after 100 bytes. It was probably not copied or uploaded"
                        + " completely; send the original again."));
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void fileEndingInsideItsId3TagIsCutOff(ProbeMode mode) throws IOException {
        Path cut = Fixtures.write(directory, "cut.mp3", Fixtures.firstBytes("call.mp3", 20));

        assertThat(mode.probe(probe, cut).issues()).extracting(Issue::code, Issue::message).containsExactly(
                tuple(IssueCode.MEDIA_TRUNCATED, "cut.mp3 is cut off inside its ID3 tag, which declares 45 bytes"
                        + " while the file has 20. It was probably not copied or uploaded completely; send the"
                        + " original again."));
    }
}
