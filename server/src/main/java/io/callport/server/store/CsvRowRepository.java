package io.callport.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The outcome of every data row of every metadata file, so each row is accounted for. */
public final class CsvRowRepository {
    private final Database database;
    private final Clock clock;

    CsvRowRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records rows; a row recorded before (the same file and line) keeps its first outcome. */
    public void insertAll(Connection connection, List<CsvRow> rows) throws SQLException {
        Instant now = clock.instant();
        Sql.batch(connection, "INSERT INTO csv_rows (file_id, line, outcome, reason, call_id, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (file_id, line) DO NOTHING", rows.stream()
                .map(r -> new Object[] {r.fileId(), r.line(), r.outcome(), r.reason(), r.callId(), now}).toList());
    }

    /** The lines of a file between two lines (inclusive) whose outcome is recorded. */
    public Set<Long> recordedLines(Connection connection, String fileId, long fromLine, long toLine)
            throws SQLException {
        return new HashSet<>(Sql.list(connection, "SELECT line FROM csv_rows WHERE file_id = ? AND line >= ? "
                + "AND line <= ?", row -> row.getLong("line"), fileId, fromLine, toLine));
    }

    /** Ends the waiting rows of these calls as completed, in one statement per 500 calls. */
    public void completeForCalls(Connection connection, Collection<String> callIds) throws SQLException {
        Instant now = clock.instant();
        for (List<String> part : InLists.partition(callIds)) {
            Sql.update(connection, "UPDATE csv_rows SET outcome = 'COMPLETED', reason = NULL, updated_at = ? "
                    + "WHERE outcome = 'WAITING' AND call_id IN (" + InLists.placeholders(part.size()) + ")",
                    InLists.with(now, part));
        }
    }

    /** Ends the waiting rows of these calls with an outcome (the calls completed or failed). */
    public void settleForCalls(Connection connection, Map<String, String> reasonsByCallId, RowOutcome outcome)
            throws SQLException {
        Instant now = clock.instant();
        Sql.batch(connection, "UPDATE csv_rows SET outcome = ?, reason = ?, updated_at = ? WHERE call_id = ? "
                + "AND outcome = 'WAITING'", reasonsByCallId.entrySet().stream()
                .map(e -> new Object[] {outcome, e.getValue(), now, e.getKey()}).toList());
    }

    /** Failed and skipped rows of a file with their reasons, by line, in line order. */
    public Map<Long, String> refusedRows(String fileId) {
        return database.read(c -> {
            Map<Long, String> refused = new LinkedHashMap<>();
            for (CsvRow row : Sql.list(c, "SELECT file_id, line, outcome, reason, call_id FROM csv_rows "
                    + "WHERE file_id = ? AND outcome IN ('FAILED', 'SKIPPED') ORDER BY line", CsvRowRepository::map,
                    fileId)) {
                refused.put(row.line(), row.reason());
            }
            return refused;
        });
    }

    /** A file's rows in line order, for people. */
    public List<CsvRow> rows(String fileId, RowOutcome outcome, Page page) {
        Filter filter = new Filter("file_id = ?", fileId).and("outcome = ?", outcome);
        return database.read(c -> Sql.list(c, "SELECT file_id, line, outcome, reason, call_id FROM csv_rows WHERE "
                + filter.sql() + " ORDER BY line LIMIT ? OFFSET ?", CsvRowRepository::map,
                filter.parametersThen(page.limit(), page.offset())));
    }

    public Map<RowOutcome, Long> counts(Connection connection, String fileId) throws SQLException {
        Map<RowOutcome, Long> counts = new EnumMap<>(RowOutcome.class);
        for (Map.Entry<RowOutcome, Long> entry : Sql.list(connection, "SELECT outcome, COUNT(*) AS n FROM csv_rows "
                        + "WHERE file_id = ? GROUP BY outcome",
                row -> Map.entry(RowOutcome.valueOf(row.getString("outcome")), row.getLong("n")), fileId)) {
            counts.put(entry.getKey(), entry.getValue());
        }
        return counts;
    }

    /** Ends the waiting rows of a batch's metadata files with an outcome (a cancelled batch). */
    public void settleWaitingInBatch(Connection connection, String batchId, RowOutcome outcome, String reason)
            throws SQLException {
        Sql.update(connection, "UPDATE csv_rows SET outcome = ?, reason = ?, updated_at = ? WHERE outcome = 'WAITING' "
                + "AND file_id IN (SELECT id FROM ingest_files WHERE batch_id = ?)", outcome, reason, clock.instant(),
                batchId);
    }

    /** Puts the failed rows of a call back to waiting: the call is being reprocessed. */
    public void reopenForCall(Connection connection, String callId) throws SQLException {
        Sql.update(connection, "UPDATE csv_rows SET outcome = 'WAITING', reason = NULL, updated_at = ? "
                + "WHERE call_id = ? AND outcome = 'FAILED'", clock.instant(), callId);
    }

    private static CsvRow map(java.sql.ResultSet row) throws SQLException {
        return new CsvRow(row.getString("file_id"), row.getLong("line"), RowOutcome.valueOf(row.getString("outcome")),
                row.getString("reason"), row.getString("call_id"));
    }
}
