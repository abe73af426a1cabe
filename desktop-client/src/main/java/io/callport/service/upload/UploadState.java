package io.callport.service.upload;

/** Where an upload as a whole is. */
public enum UploadState {
    READY, RUNNING, PAUSED,
    /** Every file is sent, sent before, or failed. */
    FINISHED,
    CANCELLED
}
