package io.callport.server.landing;

import java.io.IOException;

/**
 * Asked before each write into the landing area. The server's disk needs none, {@link #NONE}: a write that does not
 * fit fails by itself. A test that cannot mount a small file system uses one to fail writes as a full disk does.
 */
@FunctionalInterface
public interface WriteCheck {
    WriteCheck NONE = bytes -> { };

    /** Throws what the disk would when {@code bytes} more do not fit. */
    void beforeWriting(long bytes) throws IOException;
}
