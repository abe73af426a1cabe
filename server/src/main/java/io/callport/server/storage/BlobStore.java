package io.callport.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where recordings and other large files live: a folder on the server's disk or an S3 bucket. Keys are
 * {@code /}-separated relative paths checked by {@link BlobKeys}. Every method streams; none holds a whole blob in
 * memory.
 */
public interface BlobStore extends AutoCloseable {
    /** The length to pass to {@link #put} when the body's length is not known in advance. */
    long UNKNOWN_LENGTH = -1;

    /**
     * Stores {@code content} under {@code key}, replacing any blob there. The blob appears whole or not at all: a body
     * that fails, or that ends before or runs past a known {@code length}, leaves the previous blob (or none).
     *
     * @param length the body's exact length, or {@link #UNKNOWN_LENGTH}
     */
    StoredBlob put(String key, InputStream content, long length) throws IOException;

    /** Stores a file's content under {@code key}. */
    default StoredBlob put(String key, Path file) throws IOException {
        try (InputStream content = Files.newInputStream(file)) {
            return put(key, content, Files.size(file));
        }
    }

    /** A stream over the blob's bytes; the caller closes it. A missing blob is a {@link java.nio.file.NoSuchFileException}. */
    InputStream open(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /** Removes the blob; removing a blob that is not there is not an error. */
    void delete(String key) throws IOException;

    /**
     * The keys starting with {@code prefix} (plain text prefix: {@code "a"} matches {@code "a/b"} and {@code "ab"}),
     * in no particular order, read lazily; close the stream. An empty prefix lists everything.
     */
    Stream<String> list(String prefix) throws IOException;

    /** Where the blobs live, for logs and health output, e.g. {@code s3://recordings}; never shows a secret. */
    String location();

    @Override
    void close();
}
