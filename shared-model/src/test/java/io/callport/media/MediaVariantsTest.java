package io.callport.media;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Recordings as other recorders write them, derived from the fixtures: each takes another path of a reader. */
class MediaVariantsTest {

    private final MediaProbe probe = new MediaProbe();

    @TempDir
    Path directory;

    /** call.mp3 with its Info header renamed, so the frames must be walked: 170 frames of 72 ms. */
    static byte[] withoutInfoHeader(byte[] mp3) {
        int info = Fixtures.indexOf(mp3, "Info".getBytes(StandardCharsets.US_ASCII), 0);
        return Fixtures.overwrite(mp3, info, "Junk".getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void mp3WithoutXingOrInfoHeaderIsMeasuredByWalkingItsFrames(ProbeMode mode) throws IOException {
        Path walked = Fixtures.write(directory, "cbr.mp3", withoutInfoHeader(Fixtures.bytes("call.mp3")));

        ProbeResult result = mode.probe(probe, walked);

        assertThat(result.issues()).isEmpty();
        assertThat(result.info().duration().toMillis()).isEqualTo(170 * 72);
        assertThat(result.info().channels()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void mp3WithTrailingId3v1TagStopsAtTheTag(ProbeMode mode) throws IOException {
        byte[] tag = new byte[128];
        System.arraycopy("TAG".getBytes(StandardCharsets.US_ASCII), 0, tag, 0, 3);
        Path tagged = Fixtures.write(directory, "tagged.mp3",
                Fixtures.concat(withoutInfoHeader(Fixtures.bytes("call.mp3")), tag));

        ProbeResult result = mode.probe(probe, tagged);

        assertThat(result.issues()).isEmpty();
        assertThat(result.info().duration().toMillis()).isEqualTo(170 * 72);
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void webmWithoutDurationIsMeasuredFromItsLastCluster(ProbeMode mode) throws IOException {
        byte[] webm = Fixtures.bytes("call.webm");
        int duration = Fixtures.indexOf(webm, new byte[]{0x44, (byte) 0x89, (byte) 0x88}, 0);
        // an 11-byte Void element (ID 0xEC, size 9) where the 11-byte Duration element was
        byte[] voidElement = {(byte) 0xEC, (byte) 0x89, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] live = Fixtures.overwrite(webm, duration, voidElement);

        ProbeResult result = mode.probe(probe, Fixtures.write(directory, "live.webm", live));

        assertThat(result.issues()).isEmpty();
        assertThat(result.info().duration().toMillis() / 1000.0).isCloseTo(12.0, within(0.1));
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void flacWithoutATotalSampleCountIsMeasuredFromItsLastFrame(ProbeMode mode) throws IOException {
        int totalSamples = 8 + 13; // STREAMINFO's last 36 bits of its 18-byte prefix
        byte[] flac = Fixtures.bytes("call.flac");
        byte[] streamed = Fixtures.overwrite(flac, totalSamples, (byte) (flac[totalSamples] & 0xF0), (byte) 0,
                (byte) 0, (byte) 0, (byte) 0);

        ProbeResult result = mode.probe(probe, Fixtures.write(directory, "streamed.flac", streamed));

        assertThat(result.issues()).isEmpty();
        assertThat(result.info().duration().toMillis() / 1000.0).isCloseTo(12.0, within(0.1));
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void flacBehindAnId3TagIsFlac(ProbeMode mode) throws IOException {
        byte[] id3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 20};
        Path tagged = Fixtures.write(directory, "tagged.flac",
                Fixtures.concat(Fixtures.concat(id3, new byte[20]), Fixtures.bytes("call.flac")));

        ProbeResult result = mode.probe(probe, tagged);

        assertThat(result.issues()).isEmpty();
        assertThat(result.info().format()).isEqualTo(MediaFormat.FLAC);
        assertThat(result.info().duration().toMillis()).isEqualTo(12_000);
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void rf64WavTakesItsDataSizeFromTheDs64Chunk(ProbeMode mode) throws IOException {
        byte[] wav = Fixtures.bytes("call-mono-pcm16.wav"); // RIFF, WAVE, fmt (16), LIST (26), data
        int data = Fixtures.indexOf(wav, "data".getBytes(StandardCharsets.US_ASCII), 12);
        long dataSize = Bytes.u32le(wav, data + 4);
        ByteBuffer ds64 = ByteBuffer.allocate(8 + 28).order(ByteOrder.LITTLE_ENDIAN);
        ds64.put("ds64".getBytes(StandardCharsets.US_ASCII)).putInt(28).putLong(wav.length + 36 - 8)
                .putLong(dataSize).putLong(dataSize / 2).putInt(0);
        byte[] ff = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        byte[] rf64 = Fixtures.overwrite(Fixtures.overwrite(wav, 0, "RF64".getBytes(StandardCharsets.US_ASCII)), 4, ff);
        rf64 = Fixtures.overwrite(rf64, data + 4, ff);
        byte[] withDs64 = Fixtures.concat(Fixtures.concat(Arrays.copyOf(rf64, 12), ds64.array()),
                Fixtures.concat(Arrays.copyOfRange(rf64, 12, rf64.length), new byte[1000])); // only ds64 tells these apart from audio

        ProbeResult result = mode.probe(probe, Fixtures.write(directory, "broadcast.wav", withDs64));

        assertThat(result.issues()).isEmpty();
        assertThat(result.info().duration().toMillis()).isEqualTo(12_000);
    }

    @ParameterizedTest
    @EnumSource(ProbeMode.class)
    void wavWithPlaceholderSizesFromALiveRecorderIsMeasuredByItsLength(ProbeMode mode) throws IOException {
        byte[] wav = Fixtures.bytes("call-mono-pcm16.wav");
        int data = Fixtures.indexOf(wav, "data".getBytes(StandardCharsets.US_ASCII), 12);
        byte[] ff = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        byte[] live = Fixtures.overwrite(Fixtures.overwrite(wav, 4, ff), data + 4, ff);

        ProbeResult result = mode.probe(probe, Fixtures.write(directory, "live.wav", live));

        assertThat(result.issues()).isEmpty();
        assertThat(result.info().duration().toMillis()).isEqualTo(12_000);
    }
}
