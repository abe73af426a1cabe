package io.callport.service.upload;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One file of an upload at a moment.
 *
 * @param sent     bytes the server has or is receiving
 * @param attempts tries so far
 * @param problem  why the last try failed, or null
 * @param retryAt  when it is tried again, while {@link FileState#RETRYING}
 */
public record FileProgress(Path path, String name, UploadPhase phase, long size, long sent, FileState state,
                           int attempts, String problem, Instant retryAt) {

    /** The share sent, 0 to 1. */
    public double fraction() {
        return size == 0 ? (state.isAccepted() ? 1 : 0) : Math.min(1.0, (double) sent / size);
    }
}
