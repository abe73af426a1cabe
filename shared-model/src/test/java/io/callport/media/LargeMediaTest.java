package io.callport.media;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import io.callport.validate.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The 2 GB limit, and probing files of that size with bounded memory. Files are sparse (RandomAccessFile.setLength)
 * and streams are generated, so nothing of that size is ever written or held.
 */
class LargeMediaTest {

    /** What probing may allocate in all, whatever the file's size: the buffers are a few hundred KB. */
    private static final long ALLOCATION_BOUND = 4L * 1024 * 1024;

    private final MediaProbe probe = new MediaProbe();

    @TempDir
    Path directory;

    @Test
    void fileOneByteOverTheLimitIsTooLarge() throws IOException {
        Path huge = sparseFile("huge.wav", Limits.MAX_MEDIA_BYTES + 1, new byte[0]);

        ProbeResult result = probe.probe(huge);

        assertThat(result.info()).isNull();
        assertThat(result.issues()).extracting(Issue::code, Issue::message).containsExactly(
                tuple(IssueCode.MEDIA_TOO_LARGE, "huge.wav is 2,147,483,649 bytes"
                        + " (2.0 GB), more than the 2 GB a recording may have."));
    }

    @Test
    void streamOverTheLimitIsRejectedWithoutReadingIt() throws IOException {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("an over-size stream must not be read");
            }
        };

        ProbeResult result = probe.probe("big.zip!/call.wav", Limits.MAX_MEDIA_BYTES + 1, untouchable);

        assertThat(result.issues()).extracting(Issue::code, Issue::file)
                .containsExactly(tuple(IssueCode.MEDIA_TOO_LARGE, "big.zip!/call.wav"));
    }

    @Test
    void wavOfExactlyTheLimitIsProbedFromItsHeaderWithBoundedMemory() throws IOException {
        long size = Limits.MAX_MEDIA_BYTES;
        Path wav = sparseFile("long-call.wav", size, wavHeader(size - 44));

        long before = allocatedBytes();
        ProbeResult result = probe.probe(wav);
        long allocated = allocatedBytes() - before;

        assertThat(result.issues()).isEmpty();
        assertThat(result.info().duration().getSeconds()).isEqualTo((size - 44) / 2 / 8000);
        assertThat(allocated).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    void oggStreamOfExactlyTheLimitIsReadInOnePassWithBoundedMemory() throws IOException {
        byte[] ogg = Fixtures.bytes("call.ogg");
        int headerPages = 8 * 1024; // the identification pages, and some audio
        int lastPages = 16 * 1024;
        InputStream stream = new PaddedStream(Arrays.copyOf(ogg, headerPages),
                Limits.MAX_MEDIA_BYTES - headerPages - lastPages,
                Arrays.copyOfRange(ogg, ogg.length - lastPages, ogg.length));

        long before = allocatedBytes();
        ProbeResult result = probe.probe("long-call.ogg", Limits.MAX_MEDIA_BYTES, stream);
        long allocated = allocatedBytes() - before;

        assertThat(result.issues()).isEmpty();
        assertThat(result.info().duration().toMillis() / 1000.0).isCloseTo(12.0, within(0.01));
        assertThat(allocated).isLessThan(ALLOCATION_BOUND);
    }

    private Path sparseFile(String name, long size, byte[] start) throws IOException {
        Path file = directory.resolve(name);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.write(start);
            sparse.setLength(size);
        }
        assertThat(Files.size(file)).isEqualTo(size);
        return file;
    }

    /** A 44-byte WAV header for 16-bit mono PCM at 8 kHz with {@code dataBytes} of samples. */
    private static byte[] wavHeader(long dataBytes) {
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt((int) (dataBytes + 36)).put("WAVEfmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt((int) dataBytes);
        return header.array();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** A start, a run of zero bytes that is never materialised, and an end. */
    private static final class PaddedStream extends InputStream {
        private final byte[] start;
        private final long padding;
        private final byte[] end;
        private long position;

        PaddedStream(byte[] start, long padding, byte[] end) {
            this.start = start;
            this.padding = padding;
            this.end = end;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            long paddingEnd = start.length + padding;
            long total = paddingEnd + end.length;
            if (position >= total) {
                return -1;
            }
            int count;
            if (position < start.length) {
                count = (int) Math.min(length, start.length - position);
                System.arraycopy(start, (int) position, into, offset, count);
            } else if (position < paddingEnd) {
                count = (int) Math.min(length, paddingEnd - position);
                Arrays.fill(into, offset, offset + count, (byte) 0);
            } else {
                count = (int) Math.min(length, total - position);
                System.arraycopy(end, (int) (position - paddingEnd), into, offset, count);
            }
            position += count;
            return count;
        }
    }
}
