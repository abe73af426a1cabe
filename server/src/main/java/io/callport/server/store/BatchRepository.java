package io.callport.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Batches: the files that arrive in a campaign folder within its batch window. */
public final class BatchRepository {
    private static final String COLUMNS = "id, org_id, campaign_id, status, open_for, window_closes_at, reason, "
            + "created_at, updated_at, finished_at, cancelled_at";

    /** The longest a batch takes files: the longest batch window a campaign may choose. */
    public static final Duration LONGEST_BATCH = Duration.ofSeconds(CampaignSettings.MAX_BATCH_WINDOW_SECONDS);

    private final Database database;
    private final Clock clock;

    BatchRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * The campaign's open batch with its window moved to {@code windowClosesAt} (never earlier than it was), or a
     * new one opening now. A batch takes files for at most {@link #LONGEST_BATCH} from its first, so a folder that
     * never goes quiet still yields batches. At most one batch per campaign is open: two processes racing to open
     * one meet the unique constraint, and the loser joins the winner's batch. The window is moved by a conditional
     * UPDATE, which waits for (and then sees) a concurrent {@link #closeIfDue}, so a file never joins a batch that
     * has just closed.
     */
    public IngestBatch joinOpenBatch(Connection connection, String orgId, String campaignId, Instant windowClosesAt)
            throws SQLException {
        Instant now = clock.instant();
        Sql.update(connection, "UPDATE ingest_batches SET open_for = NULL, updated_at = ? WHERE open_for = ? "
                + "AND created_at <= ?", now, campaignId, now.minus(LONGEST_BATCH));
        int joined = Sql.update(connection, "UPDATE ingest_batches SET window_closes_at = CASE WHEN "
                        + "window_closes_at < ? THEN ? ELSE window_closes_at END, updated_at = ? WHERE open_for = ?",
                windowClosesAt, windowClosesAt, now, campaignId);
        if (joined == 1) {
            return findOpen(connection, campaignId).orElseThrow();
        }
        IngestBatch batch = new IngestBatch(Ids.ordered("bat"), orgId, campaignId, BatchStatus.DETECTING, true,
                windowClosesAt, null, now, now, null, null);
        int inserted = Sql.update(connection, "INSERT INTO ingest_batches (" + COLUMNS + ") VALUES "
                        + "(?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, NULL) ON CONFLICT (open_for) DO NOTHING", batch.id(), orgId,
                campaignId, batch.status(), campaignId, windowClosesAt, now, now);
        if (inserted == 0) {
            return joinOpenBatch(connection, orgId, campaignId, windowClosesAt);
        }
        return batch;
    }

    /**
     * Takes the batch's row lock for the rest of the transaction (an update that changes nothing, which both
     * databases lock alike).
     */
    public void lock(Connection connection, String batchId) throws SQLException {
        Sql.update(connection, "UPDATE ingest_batches SET updated_at = updated_at WHERE id = ?", batchId);
    }

    /**
     * Closes the batch if its window has passed; true when it is closed (now or before), false when files moved
     * its window on and it stays open.
     */
    public boolean closeIfDue(Connection connection, String batchId) throws SQLException {
        Instant now = clock.instant();
        Sql.update(connection, "UPDATE ingest_batches SET open_for = NULL, updated_at = ? WHERE id = ? "
                + "AND open_for IS NOT NULL AND window_closes_at <= ?", now, batchId, now);
        return find(connection, batchId).map(batch -> !batch.open()).orElse(true);
    }

    /** Closes the batch before its window has passed, as it has nothing left to wait for: its window ends now. */
    public void closeEarly(Connection connection, String batchId) throws SQLException {
        Instant now = clock.instant();
        Sql.update(connection, "UPDATE ingest_batches SET open_for = NULL, window_closes_at = ?, updated_at = ? "
                + "WHERE id = ? AND open_for IS NOT NULL", now, now, batchId);
    }

    /** Closes the batch for good and records that someone cancelled it. */
    public void cancel(Connection connection, String batchId) throws SQLException {
        Instant now = clock.instant();
        Sql.update(connection, "UPDATE ingest_batches SET open_for = NULL, cancelled_at = ?, updated_at = ? "
                + "WHERE id = ?", now, now, batchId);
    }

    /** Stops the batch taking files; later arrivals open a new batch. */
    public void close(Connection connection, String batchId) throws SQLException {
        Sql.update(connection, "UPDATE ingest_batches SET open_for = NULL, updated_at = ? WHERE id = ?",
                clock.instant(), batchId);
    }

    /** Sets the status and its reason; a final status also records when the batch finished. */
    public void setStatus(Connection connection, String batchId, BatchStatus status, String reason)
            throws SQLException {
        Instant now = clock.instant();
        Sql.update(connection, "UPDATE ingest_batches SET status = ?, reason = ?, updated_at = ?, finished_at = ? "
                + "WHERE id = ?", status, reason, now, status.isFinal() ? now : null, batchId);
    }

    public Optional<IngestBatch> find(Connection connection, String batchId) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM ingest_batches WHERE id = ?", BatchRepository::map,
                batchId);
    }

    /** A batch of the organisation; empty for another organisation's. */
    public Optional<IngestBatch> find(String orgId, String batchId) {
        return database.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM ingest_batches WHERE org_id = ? AND id = ?",
                BatchRepository::map, orgId, batchId));
    }

    /**
     * The organisation's batches, newest first.
     *
     * @param campaignIds only these campaigns; null for all
     * @param status      only this status; null for all
     */
    public List<IngestBatch> list(String orgId, List<String> campaignIds, BatchStatus status, Page page) {
        Filter filter = new Filter("org_id = ?", orgId).andIn("campaign_id", campaignIds)
                .and("status = ?", status);
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM ingest_batches WHERE " + filter.sql()
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", BatchRepository::map,
                filter.parametersThen(page.limit(), page.offset())));
    }

    public BatchCounts counts(String batchId) {
        return database.read(c -> counts(c, batchId));
    }

    public BatchCounts counts(Connection connection, String batchId) throws SQLException {
        return new BatchCounts(
                countBy(connection, "SELECT status AS k, COUNT(*) AS n FROM ingest_files WHERE batch_id = ? "
                        + "GROUP BY status", FileStatus::valueOf, FileStatus.class, batchId),
                countBy(connection, "SELECT status AS k, COUNT(*) AS n FROM calls WHERE batch_id = ? GROUP BY status",
                        CallStatus::valueOf, CallStatus.class, batchId),
                countBy(connection, "SELECT outcome AS k, COUNT(*) AS n FROM csv_rows WHERE file_id IN (SELECT id "
                        + "FROM ingest_files WHERE batch_id = ? AND kind IN ('METADATA', 'CRM')) GROUP BY outcome",
                        RowOutcome::valueOf, RowOutcome.class, batchId),
                count(connection, "SELECT COUNT(*) AS n FROM calls WHERE batch_id = ? AND status = 'PENDING' "
                        + "AND recording_file_id IS NULL", batchId),
                count(connection, "SELECT COUNT(*) AS n FROM ingest_files WHERE batch_id = ? AND kind = 'RECORDING' "
                        + "AND status = 'DETECTED'", batchId),
                count(connection, "SELECT COUNT(*) AS n FROM ingest_files WHERE batch_id = ? AND kind = 'SIDECAR' "
                        + "AND status = 'DETECTED'", batchId),
                count(connection, "SELECT COUNT(*) AS n FROM ingest_files WHERE batch_id = ? AND kind <> 'METADATA' "
                        + "AND status = 'COMPLETED'", batchId),
                count(connection, "SELECT COUNT(*) AS n FROM ingest_files WHERE batch_id = ? AND kind = 'RECORDING' "
                        + "AND status = 'SKIPPED' AND not_picked = TRUE", batchId));
    }

    private static long count(Connection connection, String sql, String batchId) throws SQLException {
        return Sql.one(connection, sql, row -> row.getLong("n"), batchId).orElse(0L);
    }

    private static <E extends Enum<E>> Map<E, Long> countBy(Connection connection, String sql,
                                                            Function<String, E> parse, Class<E> type, String batchId)
            throws SQLException {
        Map<E, Long> counts = new EnumMap<>(type);
        for (Map.Entry<E, Long> entry : Sql.list(connection, sql,
                row -> Map.entry(parse.apply(row.getString("k")), row.getLong("n")), batchId)) {
            counts.put(entry.getKey(), entry.getValue());
        }
        return counts;
    }

    private static Optional<IngestBatch> findOpen(Connection connection, String campaignId) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM ingest_batches WHERE open_for = ?",
                BatchRepository::map, campaignId);
    }

    private static IngestBatch map(ResultSet row) throws SQLException {
        return new IngestBatch(row.getString("id"), row.getString("org_id"), row.getString("campaign_id"),
                BatchStatus.valueOf(row.getString("status")), row.getString("open_for") != null,
                Sql.instant(row, "window_closes_at"), row.getString("reason"), Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"), Sql.instant(row, "finished_at"), Sql.instant(row, "cancelled_at"));
    }
}
