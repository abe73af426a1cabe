package io.callport.service.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** SHA-256, the hash journals record. */
final class Digests {
    /**
     * Hashing runs beside the transfer, reading the file on its own: the lane that sends is then never slowed by it
     * (measured: SHA-256 costs a client more CPU than the cipher does). Platform threads, since hashing keeps a core
     * busy and would hold up virtual threads sharing it.
     */
    private static final ExecutorService HASHING = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("callport-hash-", 1).factory());
    private static final int BUFFER_BYTES = 64 * 1024;

    private Digests() {
    }

    /** Starts hashing a file beside whatever the caller does next. */
    static CompletableFuture<String> sha256Beside(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[BUFFER_BYTES];
            try (InputStream in = Files.newInputStream(file)) {
                for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return HexFormat.of().formatHex(digest.digest());
        }, HASHING);
    }

    /** The hash a {@link #sha256Beside} computed, waiting for it. */
    static String await(CompletableFuture<String> hash) throws IOException {
        try {
            return hash.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException unreadable) {
                throw unreadable.getCause();
            }
            throw e;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
