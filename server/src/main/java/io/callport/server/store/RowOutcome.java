package io.callport.server.store;

/** What became of one data row of a metadata file. */
public enum RowOutcome {
    /** Its call was taken in, or its metadata update applied. */
    COMPLETED,
    /** Refused; the reason gives the issue code and message. It is in the failed-rows file. */
    FAILED,
    /** Left out by a rule (its agent has no mapping); the reason says which. It is in the failed-rows file. */
    SKIPPED,
    /** Its call is waiting for its recording or being processed. */
    WAITING
}
