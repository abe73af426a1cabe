package io.callport.service.upload;

import io.callport.validate.BatchFileKind;

/**
 * The order files are sent in: every recording (and zip) first, then the metadata that names them, so that each
 * CSV row finds its recording already there, as the reference documents require.
 */
public enum UploadPhase {
    RECORDINGS, METADATA;

    /** The phase of a file of that kind; null for files that are not sent (neither recording nor metadata). */
    static UploadPhase of(BatchFileKind kind) {
        return switch (kind) {
            case RECORDING, ARCHIVE -> RECORDINGS;
            case METADATA, SIDECAR -> METADATA;
            case OTHER -> null;
        };
    }
}
