package io.callport.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream read once from start to end. It keeps the first {@link #HEAD_BYTES} and a ring of the last
 * {@link #TAIL_BYTES} bytes read; moving forward reads through the ring, so the file's tail is in it when the
 * stream ends. Memory stays at those two buffers whatever the stream's length.
 */
final class StreamByteSource extends ByteSource {

    private final InputStream in;
    private final long size;
    private final byte[] head = new byte[HEAD_BYTES];
    private final byte[] recent = new byte[TAIL_BYTES];
    /** Bytes taken from the stream so far; the ring holds the last {@code min(pulled, TAIL_BYTES)} of them. */
    private long pulled;
    private boolean ended;
    private long position;

    StreamByteSource(InputStream in, long size) {
        this.in = in;
        this.size = size;
    }

    @Override
    long size() {
        return size;
    }

    @Override
    long position() {
        return position;
    }

    @Override
    void seek(long offset) {
        if (offset < position && offset >= Math.min(pulled, HEAD_BYTES) && offset < pulled - recent.length) {
            throw new IllegalStateException("a single-pass stream cannot go back to " + offset
                    + "; it keeps only the first " + HEAD_BYTES + " and the last " + TAIL_BYTES + " bytes read");
        }
        position = offset;
    }

    @Override
    int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        long headFilled = Math.min(pulled, HEAD_BYTES);
        if (position < headFilled) {
            int count = (int) Math.min(length, headFilled - position);
            System.arraycopy(head, (int) position, into, offset, count);
            position += count;
            return count;
        }
        while (position >= pulled && !ended) {
            pullChunk();
        }
        if (position >= pulled) {
            return 0;
        }
        int ringIndex = (int) (position % recent.length);
        int count = (int) Math.min(Math.min(length, pulled - position), recent.length - ringIndex);
        System.arraycopy(recent, ringIndex, into, offset, count);
        position += count;
        return count;
    }

    @Override
    byte[] tail(int length) throws IOException {
        while (!ended) {
            pullChunk();
        }
        int count = (int) Math.min(Math.min(length, TAIL_BYTES), pulled);
        byte[] tail = new byte[count];
        long start = pulled - count;
        for (int copied = 0; copied < count; ) {
            int ringIndex = (int) ((start + copied) % recent.length);
            int run = Math.min(count - copied, recent.length - ringIndex);
            System.arraycopy(recent, ringIndex, tail, copied, run);
            copied += run;
        }
        position = pulled;
        return tail;
    }

    /** Reads the next bytes of the stream into the ring (and into the head while it is not full). */
    private void pullChunk() throws IOException {
        int ringIndex = (int) (pulled % recent.length);
        int count = in.read(recent, ringIndex, recent.length - ringIndex);
        if (count < 0) {
            ended = true;
            return;
        }
        if (pulled < HEAD_BYTES) {
            System.arraycopy(recent, ringIndex, head, (int) pulled, (int) Math.min(count, HEAD_BYTES - pulled));
        }
        pulled += count;
    }
}
