package io.callport.server.store;

/** Where a batch stands; the reference's SFTP batch statuses. */
public enum BatchStatus {
    /** Files are arriving; the batch window is open. */
    DETECTING,
    /** Recordings arrived, but the campaign requires a CSV and none has come yet. */
    WAITING_FOR_CSV,
    /** A CSV names recordings that have not arrived yet. */
    WAITING_FOR_FILES,
    /** Files are matched and being ingested. */
    PROCESSING,
    /** Every file and row was processed successfully. */
    COMPLETED,
    /** Processed, but some files or rows failed, were skipped or never arrived. */
    INCOMPLETE,
    /** Nothing in the batch could be processed. */
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == INCOMPLETE || this == FAILED;
    }
}
