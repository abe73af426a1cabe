package io.callport.server.pull;

import io.callport.server.store.Database;
import io.callport.server.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every file each connector has seen, fetched or left out, kept in the database so that nothing is fetched or handed
 * to the pipeline twice, a restart carries on where the last run stopped, and an interrupted fetch resumes. A file is
 * known by its path below the base path; the size and time listed tell a new version from the one already fetched.
 */
public final class PullLedger {
    /** After this many failures caused by the file itself (not by the connection) it is left alone. */
    public static final int MAX_FAILED_ATTEMPTS = 5;
    private static final String COLUMNS = "connector_id, path, size, modified_at, sha256, state, attempts, "
            + "fetched_bytes, last_error, first_seen_at, updated_at";

    private final Database database;
    private final Clock clock;

    public PullLedger(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Optional<LedgerEntry> find(String connectorId, String path) {
        return database.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM pulled_files WHERE connector_id = ? "
                + "AND path = ?", PullLedger::map, connectorId, path));
    }

    /** The files in {@code state}, in path order, at most {@code limit}. */
    public List<LedgerEntry> list(String connectorId, PullState state, int limit) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM pulled_files WHERE connector_id = ? "
                + "AND state = ? ORDER BY path LIMIT " + Math.max(0, limit), PullLedger::map, connectorId, state));
    }

    public Map<PullState, Integer> counts(String connectorId) {
        Map<PullState, Integer> counts = new EnumMap<>(PullState.class);
        for (PullState state : PullState.values()) {
            counts.put(state, 0);
        }
        database.read(c -> Sql.list(c, "SELECT state, COUNT(*) AS n FROM pulled_files WHERE connector_id = ? "
                + "GROUP BY state", row -> counts.put(PullState.valueOf(row.getString("state")), row.getInt("n")),
                connectorId));
        return counts;
    }

    /** Records a file the picking rule left out. */
    void notPicked(String connectorId, RemoteFile file) {
        upsert(connectorId, file, PullState.NOT_PICKED);
    }

    /**
     * Records that a file is about to be fetched, with the size and time listed now. The previous content hash is
     * kept so that an unchanged re-listed file is recognised once fetched.
     */
    void pending(String connectorId, RemoteFile file) {
        upsert(connectorId, file, PullState.PENDING);
    }

    /** The connection dropped during the fetch: the file stays pending and resumes next time. */
    void interrupted(String connectorId, String path, long fetchedBytes, String reason) {
        database.transaction(c -> Sql.update(c, "UPDATE pulled_files SET fetched_bytes = ?, last_error = ?, "
                + "updated_at = ? WHERE connector_id = ? AND path = ?", fetchedBytes, reason, clock.instant(),
                connectorId, path));
    }

    /** The file itself failed (refused, vanished, wrong size); after {@value #MAX_FAILED_ATTEMPTS} it is given up. */
    void failed(String connectorId, String path, long fetchedBytes, String reason) {
        database.transaction(c -> Sql.update(c, "UPDATE pulled_files SET attempts = attempts + 1, fetched_bytes = ?, "
                + "last_error = ?, state = CASE WHEN attempts + 1 >= ? THEN ? ELSE state END, updated_at = ? "
                + "WHERE connector_id = ? AND path = ?", fetchedBytes, reason, MAX_FAILED_ATTEMPTS,
                PullState.FAILED, clock.instant(), connectorId, path));
    }

    void fetched(String connectorId, String path, long size, String sha256) {
        finish(connectorId, path, size, sha256, PullState.FETCHED, null);
    }

    /** The file was fetched again but its content is what was delivered before. */
    void unchanged(String connectorId, String path, long size, String sha256) {
        finish(connectorId, path, size, sha256, PullState.UNCHANGED, "content unchanged since it was last fetched");
    }

    void delivered(String connectorId, String path) {
        database.transaction(c -> Sql.update(c, "UPDATE pulled_files SET state = ?, last_error = NULL, updated_at = ? "
                + "WHERE connector_id = ? AND path = ?", PullState.DELIVERED, clock.instant(), connectorId, path));
    }

    /** A delivery the sink refused; the file stays fetched and is offered again on the next run. */
    void deliveryFailed(String connectorId, String path, String reason) {
        database.transaction(c -> Sql.update(c, "UPDATE pulled_files SET last_error = ?, updated_at = ? "
                + "WHERE connector_id = ? AND path = ?", reason, clock.instant(), connectorId, path));
    }

    void forget(String connectorId) {
        database.transaction(c -> Sql.update(c, "DELETE FROM pulled_files WHERE connector_id = ?", connectorId));
    }

    private void finish(String connectorId, String path, long size, String sha256, PullState state, String note) {
        database.transaction(c -> Sql.update(c, "UPDATE pulled_files SET sha256 = ?, state = ?, fetched_bytes = ?, "
                + "last_error = ?, updated_at = ? WHERE connector_id = ? AND path = ?", sha256, state, size, note,
                clock.instant(), connectorId, path));
    }

    private void upsert(String connectorId, RemoteFile file, PullState state) {
        var now = clock.instant();
        database.transaction(c -> Sql.update(c, "INSERT INTO pulled_files (" + COLUMNS + ") VALUES "
                        + "(?, ?, ?, ?, NULL, ?, 0, 0, NULL, ?, ?) ON CONFLICT (connector_id, path) DO UPDATE SET "
                        + "size = excluded.size, modified_at = excluded.modified_at, state = excluded.state, "
                        + "attempts = CASE WHEN pulled_files.size = excluded.size AND pulled_files.modified_at "
                        + "IS NOT DISTINCT FROM excluded.modified_at THEN pulled_files.attempts ELSE 0 END, "
                        + "last_error = NULL, updated_at = excluded.updated_at",
                connectorId, file.path(), file.size(), LedgerEntry.truncated(file.modified()), state, now, now));
    }

    private static LedgerEntry map(ResultSet row) throws SQLException {
        return new LedgerEntry(row.getString("connector_id"), row.getString("path"), row.getLong("size"),
                Sql.instant(row, "modified_at"), row.getString("sha256"), PullState.valueOf(row.getString("state")),
                row.getInt("attempts"), row.getLong("fetched_bytes"), row.getString("last_error"),
                Sql.instant(row, "first_seen_at"), Sql.instant(row, "updated_at"));
    }
}
