package io.callport.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Arrived files and what became of each. */
public final class IngestFileRepository {
    private static final String COLUMNS = "id, org_id, campaign_id, batch_id, upload_id, location, path, name, kind, "
            + "size, sha256, source, status, reason, archive_id, mapping_version, parts_done, arrived_at, updated_at, "
            + "finished_at, purged_at";
    /** Statuses of a file Callport took or is taking: another of the same name or content is a duplicate. */
    private static final String ACCEPTED = "status IN ('DETECTED', 'MATCHED', 'PROCESSING', 'COMPLETED')";

    private final Database database;
    private final Clock clock;

    IngestFileRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records arrivals, sent together; for each, false (and nothing changed) when its upload id was recorded before. */
    public boolean[] insertAllIfNew(Connection connection, List<IngestFile> files) throws SQLException {
        int[] counts = Sql.batch(connection, "INSERT INTO ingest_files (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (upload_id) DO NOTHING", files.stream()
                .map(file -> new Object[] {file.id(), file.orgId(), file.campaignId(), file.batchId(), file.uploadId(),
                        file.location(), file.path(), file.name(), file.kind(), file.size(), file.sha256(),
                        file.source(), file.status(), file.reason(), file.archiveId(), file.mappingVersion(),
                        file.partsDone(), file.arrivedAt(), file.updatedAt(), file.finishedAt(), file.purgedAt()})
                .toList());
        boolean[] inserted = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            inserted[i] = counts[i] == 1;
        }
        return inserted;
    }

    /** The campaign's files taken (or being taken) with these names, earliest first per name. */
    public Map<String, IngestFile> acceptedWithNames(Connection connection, String campaignId,
                                                     Collection<String> names) throws SQLException {
        return acceptedBy(connection, campaignId, "name", names, IngestFile::name);
    }

    /** The campaign's files taken (or being taken) with these contents (SHA-256), earliest first per content. */
    public Map<String, IngestFile> acceptedWithContents(Connection connection, String campaignId,
                                                        Collection<String> sha256s) throws SQLException {
        return acceptedBy(connection, campaignId, "sha256", sha256s, IngestFile::sha256);
    }

    private Map<String, IngestFile> acceptedBy(Connection connection, String campaignId, String column,
                                               Collection<String> values,
                                               java.util.function.Function<IngestFile, String> key)
            throws SQLException {
        Map<String, IngestFile> found = new HashMap<>();
        for (List<String> part : InLists.partition(values)) {
            for (IngestFile file : Sql.listPlannedForValues(connection, "SELECT " + COLUMNS
                    + " FROM ingest_files WHERE campaign_id = ? AND " + ACCEPTED + " AND " + column + " IN (" + InLists.placeholders(part.size())
                    + ") ORDER BY arrived_at DESC", IngestFileRepository::map, InLists.with(campaignId, part))) {
                found.put(key.apply(file), file);
            }
        }
        return found;
    }

    public Optional<IngestFile> findByUploadId(Connection connection, String uploadId) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM ingest_files WHERE upload_id = ?",
                IngestFileRepository::map, uploadId);
    }

    public Optional<IngestFile> find(Connection connection, String fileId) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM ingest_files WHERE id = ?", IngestFileRepository::map,
                fileId);
    }

    public Map<String, IngestFile> findAll(Connection connection, Collection<String> fileIds) throws SQLException {
        Map<String, IngestFile> found = new HashMap<>();
        for (List<String> part : InLists.partition(fileIds)) {
            for (IngestFile file : Sql.list(connection, "SELECT " + COLUMNS + " FROM ingest_files WHERE id IN ("
                    + InLists.placeholders(part.size()) + ")", IngestFileRepository::map, part.toArray())) {
                found.put(file.id(), file);
            }
        }
        return found;
    }

    /** A batch's files of a kind in a status, in arrival order. */
    public List<IngestFile> inBatch(Connection connection, String batchId, IngestFileKind kind, FileStatus status)
            throws SQLException {
        return Sql.list(connection, "SELECT " + COLUMNS + " FROM ingest_files WHERE batch_id = ? AND kind = ? "
                + "AND status = ? ORDER BY arrived_at, id", IngestFileRepository::map, batchId, kind, status);
    }

    /** A batch's files, in arrival order, for people. */
    public List<IngestFile> inBatch(String batchId, FileStatus status, Page page) {
        Filter filter = new Filter("batch_id = ?", batchId).and("status = ?", status);
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM ingest_files WHERE " + filter.sql()
                        + " ORDER BY arrived_at, id LIMIT ? OFFSET ?", IngestFileRepository::map,
                filter.parametersThen(page.limit(), page.offset())));
    }

    /**
     * Recordings of the campaign waiting for their metadata, by name: arrived since {@code since} and not yet
     * matched. A name that arrived more than once gives the latest arrival.
     */
    public Map<String, IngestFile> waitingRecordings(Connection connection, String campaignId,
                                                     Collection<String> names, Instant since) throws SQLException {
        Map<String, IngestFile> byName = new HashMap<>();
        for (List<String> part : InLists.partition(names)) {
            List<Object> parameters = new ArrayList<>(List.of(campaignId, since));
            parameters.addAll(part);
            for (IngestFile file : Sql.list(connection, "SELECT " + COLUMNS + " FROM ingest_files WHERE campaign_id = ? "
                    + "AND kind = 'RECORDING' AND status = 'DETECTED' AND arrived_at >= ? AND name IN ("
                    + InLists.placeholders(part.size()) + ") ORDER BY arrived_at", IngestFileRepository::map,
                    parameters.toArray())) {
                byName.put(file.name(), file);
            }
        }
        return byName;
    }

    /** The campaign's recording waiting for its metadata whose name is {@code baseName} plus an extension. */
    public Optional<IngestFile> waitingRecordingNamed(Connection connection, String campaignId, String baseName,
                                                      Instant since) throws SQLException {
        // names starting with "base." sort from "base." up to (not including) "base/", '/' following '.'
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM ingest_files WHERE campaign_id = ? "
                + "AND kind = 'RECORDING' AND status = 'DETECTED' AND arrived_at >= ? AND name >= ? AND name < ? "
                + "ORDER BY arrived_at DESC LIMIT 1", IngestFileRepository::map, campaignId, since, baseName + ".",
                baseName + "/");
    }

    /**
     * Sidecars of the campaign that wait for their recording, by file name: arrived since {@code since}, not yet
     * applied, named like one of the recordings with a .json or .xml extension.
     */
    public List<IngestFile> waitingSidecarsFor(Connection connection, String campaignId, Collection<String> baseNames,
                                               Instant since) throws SQLException {
        List<String> names = new ArrayList<>();
        for (String baseName : baseNames) {
            for (String extension : List.of(".json", ".xml", ".JSON", ".XML")) {
                names.add(baseName + extension);
            }
        }
        List<IngestFile> found = new ArrayList<>();
        for (List<String> part : InLists.partition(names)) {
            List<Object> parameters = new ArrayList<>(List.of(campaignId, since));
            parameters.addAll(part);
            found.addAll(Sql.list(connection, "SELECT " + COLUMNS + " FROM ingest_files WHERE campaign_id = ? "
                    + "AND kind = 'SIDECAR' AND status = 'DETECTED' AND arrived_at >= ? AND name IN ("
                    + InLists.placeholders(part.size()) + ") ORDER BY arrived_at", IngestFileRepository::map,
                    parameters.toArray()));
        }
        return found;
    }

    /** Whether the batch has files of these kinds that are not yet done (waiting or being read). */
    public boolean hasUnfinished(Connection connection, String batchId, Collection<IngestFileKind> kinds)
            throws SQLException {
        return Sql.one(connection, "SELECT 1 FROM ingest_files WHERE batch_id = ? AND kind IN ("
                + InLists.placeholders(kinds.size()) + ") AND status IN ('DETECTED', 'PROCESSING') LIMIT 1",
                row -> true, InLists.with(batchId, List.copyOf(kinds))).isPresent();
    }

    /** Files of a kind that waited since before {@code arrivedBefore} for what they need (metadata, a recording). */
    public List<IngestFile> waitingSince(Connection connection, IngestFileKind kind, Instant arrivedBefore, int max)
            throws SQLException {
        return Sql.list(connection, "SELECT " + COLUMNS + " FROM ingest_files WHERE kind = ? AND status = 'DETECTED' "
                + "AND batch_id IN (SELECT id FROM ingest_batches WHERE open_for IS NULL) AND arrived_at < ? "
                + "ORDER BY arrived_at LIMIT ?", IngestFileRepository::map, kind, arrivedBefore, max);
    }

    public void setStatus(Connection connection, String fileId, FileStatus status, String reason)
            throws SQLException {
        Instant now = clock.instant();
        Sql.update(connection, "UPDATE ingest_files SET status = ?, reason = ?, updated_at = ?, finished_at = ? "
                + "WHERE id = ?", status, reason, now, status.isFinal() ? now : null, fileId);
    }

    /** Sets many files' status at once, without a reason, in one statement per 500 files. */
    public void setStatus(Connection connection, Collection<String> fileIds, FileStatus status) throws SQLException {
        Instant now = clock.instant();
        String finished = status.isFinal() ? "updated_at" : "NULL";
        for (List<String> part : InLists.partition(fileIds)) {
            List<Object> parameters = new ArrayList<>(List.of(status, now));
            parameters.addAll(part);
            Sql.update(connection, "UPDATE ingest_files SET status = ?, reason = NULL, updated_at = ?, finished_at = "
                    + finished + " WHERE id IN (" + InLists.placeholders(part.size()) + ")", parameters.toArray());
        }
    }

    /** Sets many files' status at once; each gets its own reason (null for none). */
    public void setStatuses(Connection connection, FileStatus status, Map<String, String> reasonsByFileId)
            throws SQLException {
        Instant now = clock.instant();
        Instant finished = status.isFinal() ? now : null;
        Sql.batch(connection, "UPDATE ingest_files SET status = ?, reason = ?, updated_at = ?, finished_at = ? "
                + "WHERE id = ?", reasonsByFileId.entrySet().stream()
                .map(e -> new Object[] {status, e.getValue(), now, finished, e.getKey()}).toList());
    }

    /** Skips recordings the picking rule left out, each with its reason (file id to reason). */
    public void skipNotPicked(Connection connection, Map<String, String> reasonsByFileId) throws SQLException {
        Instant now = clock.instant();
        Sql.batch(connection, "UPDATE ingest_files SET status = 'SKIPPED', reason = ?, not_picked = TRUE, "
                + "updated_at = ?, finished_at = ? WHERE id = ?", reasonsByFileId.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), now, now, e.getKey()}).toList());
    }

    /** Skips every file of the batch that is not done yet (a cancelled batch); returns their ids. */
    public List<String> skipUnfinished(Connection connection, String batchId, String reason) throws SQLException {
        List<String> ids = Sql.list(connection, "SELECT id FROM ingest_files WHERE batch_id = ? AND status IN "
                + "('DETECTED', 'MATCHED', 'PROCESSING')", row -> row.getString("id"), batchId);
        Instant now = clock.instant();
        Sql.update(connection, "UPDATE ingest_files SET status = 'SKIPPED', reason = ?, updated_at = ?, "
                + "finished_at = ? WHERE batch_id = ? AND status IN ('DETECTED', 'MATCHED', 'PROCESSING')", reason, now,
                now, batchId);
        return ids;
    }

    /** Marks files not yet final as being processed, in one statement. */
    public void markProcessing(Connection connection, List<String> fileIds) throws SQLException {
        if (fileIds.isEmpty()) {
            return;
        }
        List<Object> parameters = new ArrayList<>(List.of(clock.instant()));
        parameters.addAll(fileIds);
        Sql.update(connection, "UPDATE ingest_files SET status = 'PROCESSING', updated_at = ? WHERE status IN "
                + "('DETECTED', 'MATCHED') AND id IN (" + InLists.placeholders(fileIds.size()) + ")",
                parameters.toArray());
    }

    /** Fixes the mapping version a metadata file is read with, once. */
    public void startReading(Connection connection, String fileId, int mappingVersion) throws SQLException {
        Sql.update(connection, "UPDATE ingest_files SET mapping_version = ?, status = 'PROCESSING', updated_at = ? "
                + "WHERE id = ? AND mapping_version IS NULL", mappingVersion, clock.instant(), fileId);
    }

    public void partDone(Connection connection, String fileId, int partsDone) throws SQLException {
        Sql.update(connection, "UPDATE ingest_files SET parts_done = ?, updated_at = ? WHERE id = ?", partsDone,
                clock.instant(), fileId);
    }

    /** The latest arrival recorded at each of these locations; locations without one are left out. */
    public Map<String, Instant> latestArrivals(Collection<String> locations) {
        return database.read(c -> {
            Map<String, Instant> latest = new HashMap<>();
            for (List<String> part : InLists.partition(locations)) {
                for (Map.Entry<String, Instant> entry : Sql.list(c, "SELECT location, MAX(arrived_at) AS arrived "
                                + "FROM ingest_files WHERE location IN (" + InLists.placeholders(part.size())
                                + ") GROUP BY location",
                        row -> Map.entry(row.getString("location"), Sql.instant(row, "arrived")), part.toArray())) {
                    latest.put(entry.getKey(), entry.getValue());
                }
            }
            return latest;
        });
    }

    /** Files that reached a final status before {@code finishedBefore} and are still in the landing area. */
    public List<IngestFile> finishedBefore(Instant finishedBefore, int max) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM ingest_files WHERE finished_at < ? "
                + "AND purged_at IS NULL ORDER BY finished_at LIMIT ?", IngestFileRepository::map, finishedBefore, max));
    }

    public void markPurged(String fileId) {
        database.transaction(c -> Sql.update(c, "UPDATE ingest_files SET purged_at = ? WHERE id = ?", clock.instant(),
                fileId));
    }

    static IngestFile map(ResultSet row) throws SQLException {
        int version = row.getInt("mapping_version");
        Integer mappingVersion = row.wasNull() ? null : version;
        return new IngestFile(row.getString("id"), row.getString("org_id"), row.getString("campaign_id"),
                row.getString("batch_id"), row.getString("upload_id"), row.getString("location"),
                row.getString("path"), row.getString("name"), IngestFileKind.valueOf(row.getString("kind")),
                row.getLong("size"), row.getString("sha256"), row.getString("source"),
                FileStatus.valueOf(row.getString("status")), row.getString("reason"), row.getString("archive_id"),
                mappingVersion, row.getInt("parts_done"), Sql.instant(row, "arrived_at"),
                Sql.instant(row, "updated_at"), Sql.instant(row, "finished_at"), Sql.instant(row, "purged_at"));
    }
}
