package io.callport.server.store;

/** The kinds of work the pipeline's stages claim from the work queue; the subject is named per kind. */
public enum WorkKind {
    /** A batch's window has closed: start its metadata files and zips (subject: batch). */
    CLOSE_BATCH,
    /** Unpack a zip entry by entry (subject: file). */
    UNPACK_ZIP,
    /** Process the next part of a metadata file (subject: file). */
    READ_CSV,
    /** Match the batch's sidecars and remaining recordings once its metadata files are read (subject: batch). */
    SETTLE_BATCH,
    /** Probe and store a call's recording (subject: call). */
    INGEST_CALL,
    /** Run the analysis step on a stored call (subject: call). */
    ANALYZE_CALL,
    /** Recompute a batch's status from its files, rows and calls (subject: batch). */
    REFRESH_BATCH,
    /** Deliver a webhook (subject: delivery). */
    DELIVER_WEBHOOK
}
