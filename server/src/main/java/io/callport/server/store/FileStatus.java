package io.callport.server.store;

/** Where one arrived file stands; the reference's SFTP file statuses. */
public enum FileStatus {
    /** Arrived and recorded; waiting for its batch to close, or a recording waiting for its metadata. */
    DETECTED,
    /** A recording matched to its call's metadata. */
    MATCHED,
    /** Being read, probed or stored. */
    PROCESSING,
    /** Taken in. */
    COMPLETED,
    /** Could not be taken in; the reason says why. */
    FAILED,
    /** The campaign already has a file of this name or content. */
    DUPLICATE,
    /** Left out by a rule (not a kind Callport reads, a cancelled batch). */
    SKIPPED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == DUPLICATE || this == SKIPPED;
    }
}
