package io.callport.server.store;

/** Where a call stands; the reference's call statuses. */
public enum CallStatus {
    /** Known from its metadata or recording, waiting in the queue (or for its recording to arrive). */
    PENDING,
    /** Its recording is being probed and stored. */
    PROCESSING,
    /** An analysis step is turning the audio into text. */
    TRANSCRIBING,
    /** An analysis step is evaluating the transcript. */
    ANALYZING,
    /** Stored (and analysed, when an analysis step is plugged in). */
    COMPLETED,
    /** Could not be processed; the reason says why. It can be reprocessed. */
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
