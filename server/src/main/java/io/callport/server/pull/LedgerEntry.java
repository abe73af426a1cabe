package io.callport.server.pull;

import java.time.Instant;

/**
 * What a connector remembers about one remote file.
 *
 * @param size         the size the server listed when the file was last seen
 * @param modifiedAt   the modification time the server listed, or null
 * @param sha256       the hash of the content last fetched (lowercase hex), else null; kept while a new version
 *                     of the file is pending, to tell whether it really changed
 * @param attempts     fetches that failed because of the file itself (a dropped connection does not count)
 * @param fetchedBytes bytes in hand when the last attempt ended
 * @param lastError    why the last attempt failed, or a note on an unchanged file
 */
public record LedgerEntry(String connectorId, String path, long size, Instant modifiedAt, String sha256,
                          PullState state, int attempts, long fetchedBytes, String lastError, Instant firstSeenAt,
                          Instant updatedAt) {

    /** True when the server lists the file with the same size and modification time as before. */
    public boolean sameVersionAs(RemoteFile file) {
        return size == file.size() && java.util.Objects.equals(modifiedAt, truncated(file.modified()));
    }

    /** The ledger keeps times in milliseconds. */
    static Instant truncated(Instant instant) {
        return instant == null ? null : Instant.ofEpochMilli(instant.toEpochMilli());
    }
}
