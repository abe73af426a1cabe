package io.callport.service.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file to send, as it was when the upload was planned.
 *
 * @param path     where it is
 * @param name     the name it gets on the server
 * @param size     its size in bytes
 * @param modified its last modification, in milliseconds since the epoch
 */
public record UploadItem(Path path, String name, long size, long modified, UploadPhase phase) {

    static UploadItem of(Path path, UploadPhase phase) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        return new UploadItem(absolute, absolute.getFileName().toString(), Files.size(absolute),
                Files.getLastModifiedTime(absolute).toMillis(), phase);
    }

    /** Whether the file on disk is still the one planned: same size, same modification time. */
    boolean unchanged() throws IOException {
        return Files.size(path) == size && Files.getLastModifiedTime(path).toMillis() == modified;
    }
}
