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
    FAILED,
    /**
     * Left out by the campaign's picking rule; the reason says why. Its recording was neither probed nor stored;
     * reprocessing takes it in.
     */
    SKIPPED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == SKIPPED;
    }
}
