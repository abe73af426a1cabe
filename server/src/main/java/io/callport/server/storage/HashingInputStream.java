package io.callport.server.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and SHA-256-hashes the bytes read through it. */
final class HashingInputStream extends FilterInputStream {
    private final MessageDigest digest;
    private long count;

    HashingInputStream(InputStream in) {
        super(in);
        this.digest = sha256();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("skipped bytes would be missing from the hash");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    /** Throws when a body announced with {@code expected} bytes (or {@link BlobStore#UNKNOWN_LENGTH}) had another count. */
    void requireLength(String key, long expected) throws IOException {
        if (expected != BlobStore.UNKNOWN_LENGTH && count != expected) {
            throw new IOException("The content for '" + key + "' had " + count + " bytes instead of the " + expected
                    + " announced; nothing was stored.");
        }
    }

    /** The hash of everything read so far, lowercase hex; call once, at the end. */
    String sha256Hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
