package io.callport.server.store;

/**
 * What became of one data row of a metadata file.
 *
 * @param line   the row's 1-based line, as a text editor shows it
 * @param reason for a failed or skipped row, the issue code and message; for a waiting one, what it waits for
 * @param callId the call it made or updated; null when it made none
 */
public record CsvRow(String fileId, long line, RowOutcome outcome, String reason, String callId) {
}
