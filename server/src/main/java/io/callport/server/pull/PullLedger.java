package io.callport.server.pull;

import io.callport.server.store.Database;
import io.callport.server.store.InLists;
import io.callport.server.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    /** In an upsert: the row already describes the version of the file being written. */
    private static final String SAME_VERSION = "pulled_files.size = excluded.size "
            + "AND pulled_files.modified_at IS NOT DISTINCT FROM excluded.modified_at";

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

    /**
     * A page of the connector's files, most recently changed first (then by path), all of them or only those in
     * {@code state} when it is not null.
     */
    public List<LedgerEntry> recent(String connectorId, PullState state, int offset, int limit) {
        String page = " ORDER BY updated_at DESC, path LIMIT " + Math.max(0, limit) + " OFFSET " + Math.max(0, offset);
        return database.read(c -> state == null
                ? Sql.list(c, "SELECT " + COLUMNS + " FROM pulled_files WHERE connector_id = ?" + page,
                        PullLedger::map, connectorId)
                : Sql.list(c, "SELECT " + COLUMNS + " FROM pulled_files WHERE connector_id = ? AND state = ?" + page,
                        PullLedger::map, connectorId, state));
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

    /**
     * Which of these files in a campaign's folder (path inside it to content hash) a connector of the campaign
     * fetched and handed over: their paths. For files found in the folder whose arrival was never recorded (the
     * server stopped between landing a fetched file and recording it), so they keep their source.
     */
    public Set<String> fetchedInto(String campaignId, Map<String, String> sha256ByPath) {
        Set<String> fetched = new HashSet<>();
        database.read(c -> {
            for (List<String> part : InLists.partition(sha256ByPath.keySet())) {
                for (Map.Entry<String, String> file : Sql.list(c, "SELECT f.path, f.sha256 FROM pulled_files f "
                        + "JOIN pull_connectors p ON p.id = f.connector_id WHERE p.campaign_id = ? "
                        + "AND f.sha256 IS NOT NULL AND f.path IN (" + InLists.placeholders(part.size()) + ")",
                        row -> Map.entry(row.getString("path"), row.getString("sha256")),
                        InLists.with(campaignId, part))) {
                    if (file.getValue().equals(sha256ByPath.get(file.getKey()))) {
                        fetched.add(file.getKey());
                    }
                }
            }
            return null;
        });
        return fetched;
    }

    /** A file fetched whole into the staging folder, with its hash; unchanged when it matches the last one. */
    record FetchedFile(RemoteFile file, String sha256, boolean unchanged) {
    }

    /** Records the files the picking rule left out, in one transaction. */
    void notPicked(String connectorId, List<RemoteFile> files) {
        database.transaction(c -> {
            for (RemoteFile file : files) {
                upsert(c, connectorId, file, PullState.NOT_PICKED, 0, 0, null, null, "state = excluded.state, "
                        + "attempts = CASE WHEN " + SAME_VERSION + " THEN pulled_files.attempts ELSE 0 END, "
                        + "last_error = NULL");
            }
            return null;
        });
    }

    /** The connection dropped during the fetch: the file stays pending, and the next attempt resumes after it. */
    void interrupted(String connectorId, RemoteFile file, long fetchedBytes, String reason) {
        database.transaction(c -> upsert(c, connectorId, file, PullState.PENDING, 0, fetchedBytes, null, reason,
                "state = excluded.state, attempts = CASE WHEN " + SAME_VERSION + " THEN pulled_files.attempts "
                        + "ELSE 0 END, fetched_bytes = excluded.fetched_bytes, last_error = excluded.last_error"));
    }

    /**
     * The staged copy of a fetched file turned out damaged before its hand-over: it is fetched again, and the hash it
     * had is forgotten, since that content was never delivered.
     */
    void damaged(String connectorId, RemoteFile file, String reason) {
        database.transaction(c -> upsert(c, connectorId, file, PullState.PENDING, 0, 0, null, reason,
                "state = excluded.state, sha256 = NULL, attempts = 0, fetched_bytes = 0, "
                        + "last_error = excluded.last_error"));
    }

    /** The file itself failed (refused, vanished, wrong size); after {@value #MAX_FAILED_ATTEMPTS} it is given up. */
    void failed(String connectorId, RemoteFile file, long fetchedBytes, String reason) {
        String attempts = "CASE WHEN " + SAME_VERSION + " THEN pulled_files.attempts + 1 ELSE 1 END";
        database.transaction(c -> upsert(c, connectorId, file, PullState.PENDING, 1, fetchedBytes, null, reason,
                "attempts = " + attempts + ", state = CASE WHEN " + attempts + " >= " + MAX_FAILED_ATTEMPTS
                        + " THEN '" + PullState.FAILED + "' ELSE '" + PullState.PENDING + "' END, "
                        + "fetched_bytes = excluded.fetched_bytes, last_error = excluded.last_error"));
    }

    /**
     * Records whole staged files in one transaction: {@link PullState#FETCHED}, to be handed over next, or
     * {@link PullState#UNCHANGED}. Committed before the hand-over, so a crash in between offers them again.
     */
    void fetched(String connectorId, List<FetchedFile> files) {
        database.transaction(c -> {
            for (FetchedFile fetched : files) {
                upsert(c, connectorId, fetched.file(), fetched.unchanged() ? PullState.UNCHANGED : PullState.FETCHED,
                        0, fetched.file().size(), fetched.sha256(), fetched.unchanged()
                                ? "content unchanged since it was last fetched" : null,
                        "state = excluded.state, sha256 = excluded.sha256, attempts = 0, "
                                + "fetched_bytes = excluded.fetched_bytes, last_error = excluded.last_error");
            }
            return null;
        });
    }

    /** Records files the pipeline took, in one transaction. */
    void delivered(String connectorId, List<String> paths) {
        database.transaction(c -> {
            for (String path : paths) {
                Sql.update(c, "UPDATE pulled_files SET state = ?, last_error = NULL, updated_at = ? "
                        + "WHERE connector_id = ? AND path = ?", PullState.DELIVERED, clock.instant(), connectorId, path);
            }
            return null;
        });
    }

    /** A delivery the sink refused; the file stays fetched and is offered again on the next run. */
    void deliveryFailed(String connectorId, String path, String reason) {
        database.transaction(c -> Sql.update(c, "UPDATE pulled_files SET last_error = ?, updated_at = ? "
                + "WHERE connector_id = ? AND path = ?", reason, clock.instant(), connectorId, path));
    }

    /**
     * Inserts the file's row, or on conflict updates size, time and {@code onConflict}'s columns; the listed size
     * and time always become the row's, and a content hash is only replaced where {@code onConflict} says so.
     */
    private int upsert(Connection c, String connectorId, RemoteFile file, PullState state, int insertedAttempts,
                       long fetchedBytes, String sha256, String note, String onConflict) throws SQLException {
        var now = clock.instant();
        return Sql.update(c, "INSERT INTO pulled_files (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (connector_id, path) DO UPDATE SET " + onConflict + ", size = excluded.size, "
                        + "modified_at = excluded.modified_at, updated_at = excluded.updated_at",
                connectorId, file.path(), file.size(), LedgerEntry.truncated(file.modified()), sha256, state,
                insertedAttempts, fetchedBytes, note, now, now);
    }

    private static LedgerEntry map(ResultSet row) throws SQLException {
        return new LedgerEntry(row.getString("connector_id"), row.getString("path"), row.getLong("size"),
                Sql.instant(row, "modified_at"), row.getString("sha256"), PullState.valueOf(row.getString("state")),
                row.getInt("attempts"), row.getLong("fetched_bytes"), row.getString("last_error"),
                Sql.instant(row, "first_seen_at"), Sql.instant(row, "updated_at"));
    }
}
