package io.callport.media;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import io.callport.validate.Severity;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What each verdict says, in both probe modes: the file's name and what was found. */
class MediaVerdictTest {

    private final MediaProbe probe = new MediaProbe();

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void wavDataNamedMp3IsProbedAsWavWithAWarning(ProbeMode mode) throws IOException {
        ProbeResult result = mode.probe(probe, MediaFixtures.file("wav-content.mp3"));

        assertThat(result.accepted()).isTrue();
        assertThat(result.info().format()).isEqualTo(MediaFormat.WAV);
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.MEDIA_EXTENSION_MISMATCH);
            assertThat(issue.severity()).isEqualTo(Severity.WARNING);
            assertThat(issue.message()).isEqualTo("wav-content.mp3 contains WAV audio, not MP3.");
        });
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void mp3NamedM4aIsAMismatchButAnMp4NamedM4aIsNot(ProbeMode mode) throws IOException {
        Path mp3 = Fixtures.write(directory, "call.m4a", Fixtures.bytes("call.mp3"));
        Path videoAsM4a = Fixtures.write(directory, "video.m4a", Fixtures.bytes("call.mp4"));

        assertThat(mode.probe(probe, mp3).issues()).extracting(Issue::message)
                .containsExactly("call.m4a contains MP3 audio, not M4A.");
        assertThat(mode.probe(probe, videoAsM4a).issues()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void aFileWithoutAKnownExtensionIsProbedWithoutAMismatch(ProbeMode mode) throws IOException {
        Path recording = Fixtures.write(directory, "recording-1234", Fixtures.bytes("call.flac"));

        ProbeResult result = mode.probe(probe, recording);

        assertThat(result.issues()).isEmpty();
        assertThat(result.info().format()).isEqualTo(MediaFormat.FLAC);
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void truncatedMp3IsRejectedBecauseItsInfoHeaderDeclaresFarMoreAudio(ProbeMode mode) throws IOException {
        ProbeResult result = mode.probe(probe, MediaFixtures.file("truncated.mp3"));

        assertThat(result.accepted()).isFalse();
        assertThat(result.info()).isNull();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(IssueCode.MEDIA_TRUNCATED);
            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.message()).startsWith("truncated.mp3 is cut off: its MP3 Info header declares 48,960 "
                    + "bytes of audio (12.2 seconds) but the file holds only 655.");
        });
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void headerOnlyWavHasZeroDuration(ProbeMode mode) throws IOException {
        ProbeResult result = mode.probe(probe, MediaFixtures.file("header-only.wav"));

        assertThat(result.issues()).extracting(Issue::message).containsExactly(
                "header-only.wav is a WAV file (pcm_s16le, mono, 8000 Hz) with no audio in it (0 seconds).");
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void emptyFileIsEmpty(ProbeMode mode) throws IOException {
        ProbeResult result = mode.probe(probe, MediaFixtures.file("empty.mp3"));

        assertThat(result.issues()).extracting(Issue::code, Issue::message)
                .containsExactly(tuple(IssueCode.MEDIA_EMPTY,
                        "empty.mp3 is empty (0 bytes)."));
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void csvTextNamedMp3IsNotAudio(ProbeMode mode) throws IOException {
        assertThat(mode.probe(probe, MediaFixtures.file("not-audio.mp3")).issues()).extracting(Issue::message)
                .containsExactly("not-audio.mp3 contains text (it looks like a CSV file), not audio or video.");
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void imagesAndDocumentsAreNotAudioAndSaySo(ProbeMode mode) throws IOException {
        byte[] png = Fixtures.concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, new byte[200]);
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII);
        byte[] jpeg = Fixtures.concat(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, new byte[300]);

        assertThat(notAudioMessage(mode, "photo.wav", png))
                .isEqualTo("photo.wav contains a PNG image, not audio or video.");
        assertThat(notAudioMessage(mode, "invoice.mp3", pdf))
                .isEqualTo("invoice.mp3 contains a PDF document, not audio or video.");
        assertThat(notAudioMessage(mode, "scan.wav", jpeg))
                .isEqualTo("scan.wav contains a JPEG image, not audio or video.");
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void mp4VideoWithoutAnAudioTrackIsNotAudio(ProbeMode mode) throws IOException {
        byte[] mp4 = Fixtures.bytes("call.mp4");
        int handler = Fixtures.indexOf(mp4, "soun".getBytes(StandardCharsets.US_ASCII), 0);
        Path silentVideo = Fixtures.write(directory, "silent.mp4", Fixtures.overwrite(mp4, handler,
                "meta".getBytes(StandardCharsets.US_ASCII)));

        ProbeResult result = mode.probe(probe, silentVideo);

        assertThat(result.issues()).extracting(Issue::code, Issue::message)
                .containsExactly(tuple(IssueCode.MEDIA_NOT_AUDIO, "silent.mp4 is an MP4 video with no audio track."));
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void wavHeaderStatingZeroChannelsIsCorrupt(ProbeMode mode) throws IOException {
        Path broken = Fixtures.write(directory, "broken.wav", Fixtures.overwrite(Fixtures.bytes("call-stereo.wav"), 22,
                (byte) 0, (byte) 0));

        ProbeResult result = mode.probe(probe, broken);

        assertThat(result.issues()).extracting(Issue::code, Issue::message).containsExactly(tuple(
                IssueCode.MEDIA_CORRUPT, "broken.wav has a damaged WAV header: it states 0 channels at 8000 Hz."));
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void oggHeaderStatingZeroHertzIsCorrupt(ProbeMode mode) throws IOException {
        byte[] ogg = Fixtures.bytes("call.ogg");
        int rate = Fixtures.indexOf(ogg, "vorbis".getBytes(StandardCharsets.US_ASCII), 0) + 11;
        Path broken = Fixtures.write(directory, "broken.ogg", Fixtures.overwrite(ogg, rate, new byte[4]));

        assertThat(mode.probe(probe, broken).issues()).extracting(Issue::code, Issue::message).containsExactly(tuple(
                IssueCode.MEDIA_CORRUPT, "broken.ogg has a damaged Ogg header: it states 2 channels at 0 Hz."));
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void webexArfIsTakenInWithoutReadingItsContents(ProbeMode mode) throws IOException {
        Path arf = Fixtures.write(directory, "meeting.arf", Fixtures.concat(new byte[]{1, 0, 2, 0}, new byte[5000]));

        ProbeResult result = mode.probe(probe, arf);

        assertThat(result.issues()).isEmpty();
        assertThat(result.info().format()).isEqualTo(MediaFormat.ARF);
        assertThat(result.info().durationKnown()).isFalse();
    }

    private String notAudioMessage(ProbeMode mode, String name, byte[] content) throws IOException {
        ProbeResult result = mode.probe(probe, Fixtures.write(directory, name, content));
        assertThat(result.issues()).extracting(Issue::code).containsExactly(IssueCode.MEDIA_NOT_AUDIO);
        return result.issues().getFirst().message();
    }
}
