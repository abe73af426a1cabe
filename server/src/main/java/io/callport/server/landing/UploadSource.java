package io.callport.server.landing;

/** How a file reached Callport; shown as the call's upload source. */
public enum UploadSource {
    /** Dropped on the embedded SFTP server. */
    SFTP,
    /** Sent to the public HTTP API (one-shot, presigned or tus). */
    API,
    /** Part of a batch sent by the Uploader or as a zip. */
    BULK,
    /** Uploaded through the web interface. */
    UI,
    /** Fetched by a pull connector from the customer's SFTP, FTP(S) or S3. */
    PULL
}
