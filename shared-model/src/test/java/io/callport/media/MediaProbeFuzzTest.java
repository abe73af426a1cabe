package io.callport.media;

import static io.callport.validate.FuzzInvariants.assertWellFormed;
import static io.callport.validate.FuzzInvariants.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.callport.validate.IssueCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes the media sniffer and container readers in both modes: a file on disk (random access) and a stream read
 * once (a zip entry). An input's first byte picks the file's name (its value modulo the number of names), so the
 * extension check runs too; the rest is the content. Both modes must give the same verdict. Seeds are the heads of
 * the media fixtures, in {@code src/test/resources/io/callport/media/MediaProbeFuzzTestInputs}.
 */
class MediaProbeFuzzTest {
    private static final List<String> NAMES = List.of("call.wav", "call.mp3", "call.m4a", "call.ogg", "call.webm",
            "call.flac", "call.aiff", "call.au", "call.gsm", "call.wma", "call.mpg", "call.arf", "call.bin");
    private static final Set<IssueCode> MEDIA_CODES = EnumSet.range(IssueCode.MEDIA_EMPTY, IssueCode.MEDIA_CORRUPT);
    private static final Path WORK = workFolder();

    private final MediaProbe probe = new MediaProbe();

    @FuzzTest(maxDuration = "10m")
    void probesAnyContentTheSameWayInBothModes(byte[] input) throws Exception {
        String name = NAMES.get(input.length == 0 ? 0 : Byte.toUnsignedInt(input[0]) % NAMES.size());
        byte[] content = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        Path file = Files.write(WORK.resolve(name), content);
        ProbeResult randomAccess;
        try {
            randomAccess = within(() -> probe.probe(file));
        } finally {
            Files.delete(file);
        }
        ProbeResult singlePass = within(() -> probe.probe(name, content.length, new ByteArrayInputStream(content)));

        assertThat(singlePass).as("the stream's verdict is the file's").isEqualTo(randomAccess);
        assertWellFormed(randomAccess.issues(), MEDIA_CODES, name::equals, 0);
        MediaInfo info = randomAccess.info();
        assertThat(info != null).as("information exactly when accepted").isEqualTo(randomAccess.accepted());
        if (info != null && info.durationKnown()) {
            assertThat(info.duration()).isPositive();
            assertThat(info.channels()).isPositive();
            assertThat(info.sampleRateHz()).isPositive();
        }
    }

    private static Path workFolder() {
        try {
            Path folder = Files.createTempDirectory("media-fuzz");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
