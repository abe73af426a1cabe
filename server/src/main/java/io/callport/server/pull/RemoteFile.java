package io.callport.server.pull;

import java.time.Instant;

/**
 * A file a connector found.
 *
 * @param path     relative to the connector's base path, {@code /}-separated, e.g. {@code 20260211/call-1.mp3}
 * @param modified the server's modification time, or null when it gives none
 */
public record RemoteFile(String path, long size, Instant modified) {
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The folder part of the path, empty for a file directly in the base path. */
    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Joins a folder relative to the base path and a name. */
    static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }
}
