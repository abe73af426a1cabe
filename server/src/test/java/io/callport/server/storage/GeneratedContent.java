package io.callport.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Reproducible pseudo-random bytes of any length, generated as they are read so large bodies never sit in memory. */
public final class GeneratedContent extends InputStream {
    private final SplittableRandom random;
    private long remaining;

    private GeneratedContent(long size, long seed) {
        this.random = new SplittableRandom(seed);
        this.remaining = size;
    }

    public static InputStream of(long size, long seed) {
        return new GeneratedContent(size, seed);
    }

    public static String sha256(long size, long seed) {
        try (InputStream in = of(size, seed)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() {
        if (remaining == 0) {
            return -1;
        }
        remaining--;
        return random.nextInt(256);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (remaining == 0) {
            return -1;
        }
        int n = (int) Math.min(length, remaining);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = (byte) random.nextInt(256);
        }
        remaining -= n;
        return n;
    }
}
