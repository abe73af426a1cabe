package io.callport.server.landing;

/**
 * Told about every file that completely arrives, exactly once per arrival, after the file is visible under its
 * final name. Called on the thread that completed the upload: hand long work to another thread.
 */
@FunctionalInterface
public interface LandingListener {
    LandingListener NONE = file -> { };

    void landed(LandedFile file);

    /**
     * Told just before a file moves to its final name, and {@link #landingEnded} once it was announced (or the move
     * failed): meanwhile the file is visible but not yet recorded, and whoever watches the folders leaves it to
     * its upload.
     */
    default void landing(CampaignPath destination) {
    }

    default void landingEnded(CampaignPath destination) {
    }
}
