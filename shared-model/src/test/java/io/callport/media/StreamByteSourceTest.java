package io.callport.media;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The single-pass source: what it keeps (head and tail windows) and what it refuses. */
class StreamByteSourceTest {

    private static final int LENGTH = 1_000_003; // not a multiple of any window

    private final byte[] content = numbered(LENGTH);

    @Test
    void theHeadCanBeReadAgainAfterMovingOn() throws IOException {
        StreamByteSource source = source();
        source.readAt(500_000, 10);

        assertThat(source.readAt(100, 4)).containsExactly(Arrays.copyOfRange(content, 100, 104));
        assertThat(source.readAt(ByteSource.HEAD_BYTES - 2, 4))
                .containsExactly(Arrays.copyOfRange(content, ByteSource.HEAD_BYTES - 2, ByteSource.HEAD_BYTES + 2));
    }

    @Test
    void recentBytesCanBeReadAgain() throws IOException {
        StreamByteSource source = source();
        source.readAt(700_000, 10);

        assertThat(source.readAt(650_000, 8)).containsExactly(Arrays.copyOfRange(content, 650_000, 650_008));
    }

    @Test
    void theTailIsTheStreamsLastBytesAcrossTheRingsWrap() throws IOException {
        StreamByteSource source = source();
        source.readAt(10, 10);

        assertThat(source.tail(ByteSource.TAIL_BYTES))
                .containsExactly(Arrays.copyOfRange(content, LENGTH - ByteSource.TAIL_BYTES, LENGTH));
        assertThat(source.position()).isEqualTo(LENGTH);
        assertThat(source.readUpTo(5)).isEmpty();
    }

    @Test
    void goingBackPastWhatIsKeptIsRefused() throws IOException {
        StreamByteSource source = source();
        source.readAt(900_000, 10);

        assertThatThrownBy(() -> source.seek(300_000)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot go back to 300000");
    }

    @Test
    void readingPastTheEndStopsShort() throws IOException {
        StreamByteSource source = source();

        assertThat(source.readAt(LENGTH - 3, 10)).hasSize(3);
        source.seek(LENGTH - 2);
        assertThatThrownBy(() -> source.readFully(4)).isInstanceOf(EOFException.class);
    }

    private StreamByteSource source() {
        return new StreamByteSource(new ByteArrayInputStream(content), content.length);
    }

    private static byte[] numbered(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 8));
        }
        return bytes;
    }
}
