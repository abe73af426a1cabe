package io.callport.server.landing;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a file being written, computed as the bytes go by when they arrive in order (SFTP pipelines, HTTP
 * streams) so the file need not be read again; whatever arrived out of order or before a restart is read back from
 * the file at the end.
 */
final class RunningSha256 {
    private static final int READ_BACK_BUFFER = 256 * 1024;

    private final MessageDigest digest = newDigest();
    /** The digest covers exactly the file's bytes [0, hashedUpTo). */
    private long hashedUpTo;

    /** Records that {@code written} (its remaining bytes) now sits in the file at {@code position}. */
    void wrote(long position, ByteBuffer written) {
        if (position < hashedUpTo) {
            restart();
        }
        if (position == hashedUpTo) {
            hashedUpTo += written.remaining();
            digest.update(written);
        }
    }

    void truncated(long size) {
        if (size < hashedUpTo) {
            restart();
        }
    }

    /** The hex digest of the file's first {@code size} bytes, reading back what was not seen in order. */
    String finish(FileChannel file, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(READ_BACK_BUFFER);
        while (hashedUpTo < size) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), size - hashedUpTo));
            int read = file.read(buffer, hashedUpTo);
            if (read < 0) {
                throw new EOFException("The file ended at " + hashedUpTo + " bytes, before its size of " + size);
            }
            digest.update(buffer.flip());
            hashedUpTo += read;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void restart() {
        digest.reset();
        hashedUpTo = 0;
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
