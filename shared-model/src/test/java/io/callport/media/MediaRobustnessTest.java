package io.callport.media;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Hostile input: every fixture cut at many lengths and with header bytes scrambled. The probe must answer with a
 * verdict, never an exception, and the same verdict in both modes.
 */
class MediaRobustnessTest {

    private final MediaProbe probe = new MediaProbe();

    @TempDir
    Path directory;

    static Stream<String> recordings() {
        return MediaFixtures.manifest().stream().map(MediaFixtures.Row::file)
                .filter(file -> !file.equals("empty.mp3"));
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void everyCutGivesAVerdict(String fixture) throws IOException {
        byte[] whole = Fixtures.bytes(fixture);
        for (int length = 1; length < whole.length; length += length < 512 ? 7 : length / 3) {
            assertSameVerdictInBothModes(fixture, Arrays.copyOf(whole, length));
        }
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void scrambledHeadersGiveAVerdict(String fixture) throws IOException {
        byte[] whole = Fixtures.bytes(fixture);
        Random random = new Random(fixture.hashCode());
        for (int round = 0; round < 60; round++) {
            byte[] scrambled = whole.clone();
            for (int flip = 0; flip < 1 + random.nextInt(8); flip++) {
                int at = random.nextInt(Math.min(scrambled.length, 1024));
                scrambled[at] = (byte) random.nextInt(256);
            }
            assertSameVerdictInBothModes(fixture, scrambled);
        }
    }

    @org.junit.jupiter.api.Test
    void mpegPacketWhoseHeaderIsLongerThanThePacketGivesAVerdict() throws IOException {
        byte[] mpg = Fixtures.bytes("call.mpg");
        int audio = Fixtures.indexOf(mpg, new byte[]{0, 0, 1, (byte) 0xC0}, 0);
        // an MPEG-2 PES header (marker 10) claiming 255 header bytes in a 16-byte packet
        byte[] broken = Fixtures.overwrite(mpg, audio + 4, (byte) 0, (byte) 16, (byte) 0x80, (byte) 0x80, (byte) 0xFF);

        assertSameVerdictInBothModes("call.mpg", broken);
    }

    private void assertSameVerdictInBothModes(String fixture, byte[] content) throws IOException {
        Path file = Fixtures.write(directory, fixture, content);
        ProbeResult[] results = new ProbeResult[ProbeMode.values().length];
        for (ProbeMode mode : ProbeMode.values()) {
            assertThatCode(() -> results[mode.ordinal()] = mode.probe(probe, file))
                    .as("%s (%d bytes) probed %s", fixture, content.length, mode)
                    .doesNotThrowAnyException();
            ProbeResult result = results[mode.ordinal()];
            assertThat(result.info() != null).as("info present exactly when accepted").isEqualTo(result.accepted());
            assertThat(result.issues()).allSatisfy(issue -> assertThat(issue.file()).isEqualTo(fixture));
        }
        assertThat(results[1]).as("%s (%d bytes): stream and file agree", fixture, content.length)
                .isEqualTo(results[0]);
    }
}
