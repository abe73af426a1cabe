package io.callport.server.store;

import java.util.Map;

/**
 * What a batch holds, counted by status: its files, the calls its metadata (or recordings) made, and the data rows
 * of its metadata files.
 *
 * @param callsWaitingForRecordings pending calls whose recording has not arrived
 * @param recordingsWaiting         recordings no metadata has named yet
 * @param sidecarsWaiting           sidecars whose recording has not arrived
 * @param filesTakenIn              completed files other than call metadata files (whose rows count instead)
 * @param recordingsNotPicked       skipped recordings the campaign's picking rule left out (not failures)
 */
public record BatchCounts(Map<FileStatus, Long> files, Map<CallStatus, Long> calls, Map<RowOutcome, Long> rows,
                          long callsWaitingForRecordings, long recordingsWaiting, long sidecarsWaiting,
                          long filesTakenIn, long recordingsNotPicked) {

    public BatchCounts {
        files = Map.copyOf(files);
        calls = Map.copyOf(calls);
        rows = Map.copyOf(rows);
    }

    public long files(FileStatus status) {
        return files.getOrDefault(status, 0L);
    }

    public long calls(CallStatus status) {
        return calls.getOrDefault(status, 0L);
    }

    public long rows(RowOutcome outcome) {
        return rows.getOrDefault(outcome, 0L);
    }
}
