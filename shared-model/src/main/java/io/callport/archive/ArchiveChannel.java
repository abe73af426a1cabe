package io.callport.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * The zip file as commons-compress reads it: read-only, counting the bytes read, and remembering when the file
 * itself failed, so that a broken disk (thrown) can be told from a broken zip (reported as an issue).
 */
final class ArchiveChannel implements SeekableByteChannel {

    @FunctionalInterface
    private interface FileOperation<T> {
        T run() throws IOException;
    }

    private final SeekableByteChannel file;
    private long bytesRead;
    private IOException failure;

    ArchiveChannel(SeekableByteChannel file) {
        this.file = file;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** Rethrows the file's own failure, if any; called wherever a zip parser's exception would become an issue. */
    void rethrowFailure() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        int read = remembered(() -> file.read(destination));
        if (read > 0) {
            bytesRead += read;
        }
        return read;
    }

    @Override
    public long position() throws IOException {
        return remembered(file::position);
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        remembered(() -> file.position(newPosition));
        return this;
    }

    @Override
    public long size() throws IOException {
        return remembered(file::size);
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private <T> T remembered(FileOperation<T> operation) throws IOException {
        try {
            return operation.run();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
