package io.callport.server.landing;

/**
 * Told about every file that completely arrives, exactly once per arrival, after the file is visible under its
 * final name. Called on the thread that completed the upload: hand long work to another thread.
 */
@FunctionalInterface
public interface LandingListener {
    LandingListener NONE = file -> { };

    void landed(LandedFile file);
}
