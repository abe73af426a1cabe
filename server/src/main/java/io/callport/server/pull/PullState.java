package io.callport.server.pull;

/** Where a remote file stands with its connector. */
public enum PullState {
    /** Left out by the picking rule; not fetched unless the file changes. */
    NOT_PICKED,
    /** To be fetched; bytes already fetched wait in the staging folder and the next attempt resumes after them. */
    PENDING,
    /** Fetched whole and checked; waiting to be handed to the pipeline. */
    FETCHED,
    /** Handed to the pipeline. */
    DELIVERED,
    /**
     * Fetched again because the server listed it with a new size or time, but its content is what was already
     * delivered under this path; not handed over again. (Files under other names are other calls, even when their
     * bytes are equal: the pipeline decides about those.)
     */
    UNCHANGED,
    /** Failed {@link PullLedger#MAX_FAILED_ATTEMPTS} times; tried again only if the file changes. */
    FAILED
}
