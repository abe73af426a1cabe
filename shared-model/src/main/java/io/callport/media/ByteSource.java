package io.callport.media;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * The bytes of one recording as a reader sees them: a cursor that moves forward, the first bytes again on demand,
 * and the last bytes of the file. A random-access file and a single-pass stream (a zip entry) both serve this, so
 * every container reader works on both and neither ever holds more than a few hundred KB.
 */
abstract sealed class ByteSource permits FileByteSource, StreamByteSource {

    /** How many bytes from the start a reader may return to after moving on (sniffing reads them twice). */
    static final int HEAD_BYTES = 64 * 1024;
    /** How many bytes at the end a reader may ask for: covers an Ogg page or an MP4/WebM index tail. */
    static final int TAIL_BYTES = 256 * 1024;

    /** The file's length in bytes (for a stream: the length it was announced with). */
    abstract long size();

    abstract long position();

    /**
     * Moves the cursor. Forward moves may go anywhere (a stream reads and discards on the way); backward moves
     * only into the first {@link #HEAD_BYTES} or the last {@link #TAIL_BYTES} bytes read.
     */
    abstract void seek(long offset);

    /** Reads up to {@code length} bytes at the cursor and moves past them; returns 0 only at the end. */
    abstract int read(byte[] into, int offset, int length) throws IOException;

    /** The last {@code min(length, TAIL_BYTES)} bytes of the file; afterwards the cursor is at the end. */
    abstract byte[] tail(int length) throws IOException;

    final long remaining() {
        return Math.max(0, size() - position());
    }

    final void skip(long count) {
        seek(position() + count);
    }

    /** Exactly {@code length} bytes, or {@link EOFException} when the file ends first. */
    final byte[] readFully(int length) throws IOException {
        byte[] bytes = readUpTo(length);
        if (bytes.length < length) {
            throw new EOFException("wanted " + length + " bytes at " + (position() - bytes.length)
                    + ", the file ends after " + bytes.length);
        }
        return bytes;
    }

    /** Up to {@code length} bytes: fewer only when the file ends. */
    final byte[] readUpTo(int length) throws IOException {
        byte[] bytes = new byte[length];
        int filled = 0;
        while (filled < length) {
            int count = read(bytes, filled, length - filled);
            if (count == 0) {
                return Arrays.copyOf(bytes, filled);
            }
            filled += count;
        }
        return bytes;
    }

    /** Up to {@code length} bytes at {@code offset}, leaving the cursor after them. */
    final byte[] readAt(long offset, int length) throws IOException {
        seek(offset);
        return readUpTo(length);
    }
}
