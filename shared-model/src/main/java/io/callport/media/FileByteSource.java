package io.callport.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** A file read through one small window: seeks are free, so readers touch only the bytes they need. */
final class FileByteSource extends ByteSource {

    private static final int WINDOW_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES).limit(0);
    private long windowStart;
    private long position;

    FileByteSource(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
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
        position = offset;
    }

    @Override
    int read(byte[] into, int offset, int length) throws IOException {
        if (position >= size || length == 0) {
            return 0;
        }
        if (position < windowStart || position >= windowStart + window.limit()) {
            fillWindowAt(position);
        }
        int inWindow = (int) (position - windowStart);
        int count = Math.min(length, window.limit() - inWindow);
        window.get(inWindow, into, offset, count);
        position += count;
        return count;
    }

    @Override
    byte[] tail(int length) throws IOException {
        int count = (int) Math.min(Math.min(length, TAIL_BYTES), size);
        ByteBuffer tail = ByteBuffer.allocate(count);
        readFullyAt(tail, size - count);
        position = size;
        return tail.array();
    }

    private void fillWindowAt(long offset) throws IOException {
        window.clear();
        readFullyAt(window, offset);
        window.flip();
        windowStart = offset;
    }

    private void readFullyAt(ByteBuffer buffer, long offset) throws IOException {
        long at = offset;
        while (buffer.hasRemaining()) {
            int count = channel.read(buffer, at);
            if (count < 0) {
                break;
            }
            at += count;
        }
    }
}
