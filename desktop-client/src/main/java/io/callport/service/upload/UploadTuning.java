package io.callport.service.upload;

/**
 * How many transfers run at once and in what pieces.
 *
 * @param sftpSessions           SSH connections per SFTP upload
 * @param sftpChannelsPerSession SFTP channels on each, each sending one file at a time
 * @param sftpBulkRequests       write requests a channel keeps in flight
 * @param httpLanes              tus uploads at once
 * @param tusChunkBytes          the size of each PATCH
 */
public record UploadTuning(int sftpSessions, int sftpChannelsPerSession, int sftpBulkRequests, int httpLanes,
                           long tusChunkBytes) {
    /** Measured on the SFTP benchmark (docs/benchmarks.md). */
    public static final UploadTuning DEFAULT = new UploadTuning(4, 2, 64, 3, 8L * 1024 * 1024);

    public UploadTuning {
        if (sftpSessions < 1 || sftpChannelsPerSession < 1 || sftpBulkRequests < 1 || httpLanes < 1
                || tusChunkBytes < 1) {
            throw new IllegalArgumentException("Every count of an upload's tuning is at least 1.");
        }
    }

    public UploadTuning withSftp(int sessions, int channelsPerSession) {
        return new UploadTuning(sessions, channelsPerSession, sftpBulkRequests, httpLanes, tusChunkBytes);
    }

    public UploadTuning withTusChunk(long bytes) {
        return new UploadTuning(sftpSessions, sftpChannelsPerSession, sftpBulkRequests, httpLanes, bytes);
    }
}
