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

/** Calls and their kept versions. A campaign has at most one call per contact reference. */
public final class CallRepository {
    private static final String COLUMNS = "id, org_id, campaign_id, batch_id, contact_reference, agent_id, "
            + "agent_identifier, contact_at, contact_at_text, recording_name, recording_file_id, recording_key, "
            + "media_format, codec, duration_ms, channels, sample_rate_hz, metadata_json, metadata_file_id, source, "
            + "status, reason, version, waiting_until, created_at, updated_at, completed_at, audio_deleted_at";
    private static final String VERSION_COLUMNS = "call_id, version, cause, agent_id, agent_identifier, contact_at, "
            + "contact_at_text, recording_key, media_format, codec, duration_ms, channels, sample_rate_hz, "
            + "metadata_json, metadata_file_id, created_at";

    private final Database database;
    private final Clock clock;

    CallRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void insertAll(Connection connection, List<Call> calls) throws SQLException {
        Sql.batch(connection, "INSERT INTO calls (" + COLUMNS + ") VALUES (" + InLists.placeholders(28) + ")",
                calls.stream().map(CallRepository::parameters).toList());
    }

    /** The campaign's calls with these contact references, by reference. */
    public Map<String, Call> withReferences(Connection connection, String campaignId, Collection<String> references)
            throws SQLException {
        Map<String, Call> found = new HashMap<>();
        for (List<String> part : InLists.partition(references)) {
            for (Call call : Sql.list(connection, "SELECT " + COLUMNS + " FROM calls WHERE campaign_id = ? "
                    + "AND contact_reference IN (" + InLists.placeholders(part.size()) + ")", CallRepository::map,
                    InLists.with(campaignId, part))) {
                found.put(call.contactReference(), call);
            }
        }
        return found;
    }

    /**
     * The campaign's calls that a recording of one of these names would complete, by recording name: calls waiting
     * for theirs, and failed calls whose recording was refused (sending it again fixed) and never stored.
     */
    public Map<String, Call> waitingFor(Connection connection, String campaignId, Collection<String> recordingNames)
            throws SQLException {
        Map<String, Call> found = new HashMap<>();
        for (List<String> part : InLists.partition(recordingNames)) {
            for (Call call : Sql.list(connection, "SELECT " + COLUMNS + " FROM calls WHERE campaign_id = ? "
                    + "AND (status = 'PENDING' AND recording_file_id IS NULL OR status = 'FAILED' "
                    + "AND recording_key IS NULL) AND recording_name IN (" + InLists.placeholders(part.size())
                    + ") ORDER BY created_at", CallRepository::map, InLists.with(campaignId, part))) {
                found.putIfAbsent(call.recordingName(), call);
            }
        }
        return found;
    }

    /** Calls that waited for their recording past their time, oldest first. */
    public List<Call> waitedTooLong(Connection connection, Instant now, int max) throws SQLException {
        return Sql.list(connection, "SELECT " + COLUMNS + " FROM calls WHERE status = 'PENDING' "
                + "AND recording_file_id IS NULL AND waiting_until < ? ORDER BY waiting_until LIMIT ?",
                CallRepository::map, now, max);
    }

    public Map<String, Call> findAll(Connection connection, Collection<String> callIds) throws SQLException {
        Map<String, Call> found = new HashMap<>();
        for (List<String> part : InLists.partition(callIds)) {
            for (Call call : Sql.list(connection, "SELECT " + COLUMNS + " FROM calls WHERE id IN ("
                    + InLists.placeholders(part.size()) + ")", CallRepository::map, part.toArray())) {
                found.put(call.id(), call);
            }
        }
        return found;
    }

    public Optional<Call> find(Connection connection, String callId) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM calls WHERE id = ?", CallRepository::map, callId);
    }

    /** A call of the organisation; empty for another organisation's. */
    public Optional<Call> find(String orgId, String callId) {
        return database.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM calls WHERE org_id = ? AND id = ?",
                CallRepository::map, orgId, callId));
    }

    /** The organisation's calls matching the filter, newest first. */
    public List<Call> list(String orgId, CallFilter filter, Page page) {
        Filter where = new Filter("org_id = ?", orgId).andIn("campaign_id", filter.campaignIds())
                .and("status = ?", filter.status()).and("source = ?", filter.source())
                .and("agent_id = ?", filter.agentId()).and("contact_at >= ?", filter.from())
                .and("contact_at < ?", filter.to());
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM calls WHERE " + where.sql()
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", CallRepository::map,
                where.parametersThen(page.limit(), page.offset())));
    }

    /** Every kept version of a call, oldest first. */
    public List<CallVersion> versions(String callId) {
        return database.read(c -> Sql.list(c, "SELECT " + VERSION_COLUMNS + " FROM call_versions WHERE call_id = ? "
                + "ORDER BY version", CallRepository::mapVersion, callId));
    }

    /** Gives waiting (or failed) calls the recordings that arrived for them (call id to file id); they are pending. */
    public void attachRecordings(Connection connection, Map<String, String> fileIdsByCallId) throws SQLException {
        Instant now = clock.instant();
        Sql.batch(connection, "UPDATE calls SET recording_file_id = ?, status = 'PENDING', waiting_until = NULL, "
                + "reason = NULL, updated_at = ? WHERE id = ?", fileIdsByCallId.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), now, e.getKey()}).toList());
    }

    /** Holds calls that have their recording for the picking of the batch being processed, instead of queuing them. */
    public void holdForPicking(Connection connection, Collection<String> callIds, String batchId) throws SQLException {
        Instant now = clock.instant();
        Sql.batch(connection, "UPDATE calls SET picking_batch_id = ?, updated_at = ? WHERE id = ?", callIds.stream()
                .map(id -> new Object[] {batchId, now, id}).toList());
    }

    /** The pending calls held for the batch's picking, not yet decided. */
    public List<Call> heldForPicking(Connection connection, String batchId) throws SQLException {
        return Sql.list(connection, "SELECT " + COLUMNS + " FROM calls WHERE picking_batch_id = ? "
                + "AND status = 'PENDING'", CallRepository::map, batchId);
    }

    /**
     * Records the batch's picking: the picked calls are released (to be queued), the others Skipped with their
     * reasons (call id to reason).
     */
    public void decidePicking(Connection connection, Collection<String> pickedIds, Map<String, String> notPicked)
            throws SQLException {
        Instant now = clock.instant();
        Sql.batch(connection, "UPDATE calls SET picking_batch_id = NULL, updated_at = ? WHERE id = ?",
                pickedIds.stream().map(id -> new Object[] {now, id}).toList());
        Sql.batch(connection, "UPDATE calls SET status = 'SKIPPED', reason = ?, picking_batch_id = NULL, "
                + "updated_at = ? WHERE id = ?", notPicked.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), now, e.getKey()}).toList());
    }

    /** Replaces a not yet completed call's metadata; it has no version to keep yet. */
    public void replaceMetadata(Connection connection, Call call) throws SQLException {
        Sql.update(connection, "UPDATE calls SET agent_id = ?, agent_identifier = ?, contact_at = ?, "
                        + "contact_at_text = ?, metadata_json = ?, metadata_file_id = ?, updated_at = ? WHERE id = ?",
                call.agentId(), call.agentIdentifier(), call.contactAt(), call.contactAtText(),
                JsonText.of(call.metadata()), call.metadataFileId(), clock.instant(), call.id());
    }

    /** Sets the status (and its reason) of calls that are in one of {@code from}; returns how many changed. */
    public int setStatus(Connection connection, Collection<String> callIds, CallStatus status, String reason,
                         Collection<CallStatus> from) throws SQLException {
        Instant now = clock.instant();
        String allowed = String.join(", ", from.stream().map(s -> "'" + s.name() + "'").toList());
        int changed = 0;
        for (int count : Sql.batch(connection, "UPDATE calls SET status = ?, reason = ?, updated_at = ? WHERE id = ? "
                + "AND status IN (" + allowed + ")", callIds.stream()
                .map(id -> new Object[] {status, reason, now, id}).toList())) {
            changed += count;
        }
        return changed;
    }

    /**
     * Fails every call of the batch that is not done yet, and the calls held for its picking (a cancelled batch);
     * returns them as they were.
     */
    public List<Call> failUnfinished(Connection connection, String batchId, String reason) throws SQLException {
        String unfinished = "(batch_id = ? OR picking_batch_id = ?) AND status IN ('PENDING', 'PROCESSING', "
                + "'TRANSCRIBING', 'ANALYZING')";
        List<Call> calls = Sql.list(connection, "SELECT " + COLUMNS + " FROM calls WHERE " + unfinished,
                CallRepository::map, batchId, batchId);
        Sql.update(connection, "UPDATE calls SET status = 'FAILED', reason = ?, picking_batch_id = NULL, "
                + "updated_at = ? WHERE " + unfinished, reason, clock.instant(), batchId, batchId);
        return calls;
    }

    /** Sets different reasons for one status, e.g. each failed call's own probe result. */
    public void setStatuses(Connection connection, CallStatus status, Map<String, String> reasonsByCallId)
            throws SQLException {
        Instant now = clock.instant();
        Sql.batch(connection, "UPDATE calls SET status = ?, reason = ?, updated_at = ? WHERE id = ?",
                reasonsByCallId.entrySet().stream().map(e -> new Object[] {status, e.getValue(), now, e.getKey()})
                        .toList());
    }

    /**
     * Keeps each call as it now is as its next version: sets its fields, bumps its version and stores the snapshot.
     * The caller has loaded the calls in the same transaction; returns them as kept.
     */
    public List<Call> keepVersions(Connection connection, List<Call> calls, VersionCause cause, CallStatus status)
            throws SQLException {
        Instant now = clock.instant();
        List<Call> kept = calls.stream().map(call -> new Call(call.id(), call.orgId(), call.campaignId(),
                call.batchId(), call.contactReference(), call.agentId(), call.agentIdentifier(), call.contactAt(),
                call.contactAtText(), call.recordingName(), call.recordingFileId(), call.recordingKey(), call.media(),
                call.metadata(), call.metadataFileId(), call.source(), status, null, call.version() + 1, null,
                call.createdAt(), now, status == CallStatus.COMPLETED ? now : call.completedAt(),
                call.audioDeletedAt())).toList();
        Sql.batch(connection, "UPDATE calls SET agent_id = ?, agent_identifier = ?, contact_at = ?, "
                + "contact_at_text = ?, recording_key = ?, media_format = ?, codec = ?, duration_ms = ?, "
                + "channels = ?, sample_rate_hz = ?, metadata_json = ?, metadata_file_id = ?, status = ?, "
                + "reason = NULL, version = ?, waiting_until = NULL, updated_at = ?, completed_at = ? WHERE id = ?",
                kept.stream().map(k -> {
                    CallMedia media = k.media();
                    return new Object[] {k.agentId(), k.agentIdentifier(), k.contactAt(), k.contactAtText(),
                            k.recordingKey(), media == null ? null : media.format(), media == null ? null : media.codec(),
                            media == null ? null : media.durationMs(), media == null ? null : media.channels(),
                            media == null ? null : media.sampleRateHz(), JsonText.of(k.metadata()), k.metadataFileId(),
                            status, k.version(), now, k.completedAt(), k.id()};
                }).toList());
        Sql.batch(connection, "INSERT INTO call_versions (" + VERSION_COLUMNS + ") VALUES ("
                + InLists.placeholders(16) + ")", kept.stream().map(k -> {
                    CallMedia media = k.media();
                    return new Object[] {k.id(), k.version(), cause, k.agentId(), k.agentIdentifier(), k.contactAt(),
                            k.contactAtText(), k.recordingKey(), media == null ? null : media.format(),
                            media == null ? null : media.codec(), media == null ? null : media.durationMs(),
                            media == null ? null : media.channels(), media == null ? null : media.sampleRateHz(),
                            JsonText.of(k.metadata()), k.metadataFileId(), now};
                }).toList());
        return kept;
    }

    /** Keeps one call's next version (see {@link #keepVersions}). */
    public Call keepVersion(Connection connection, Call call, VersionCause cause, CallStatus status)
            throws SQLException {
        return keepVersions(connection, List.of(call), cause, status).getFirst();
    }

    /** Marks pending calls as being processed, in one statement; returns how many were pending. */
    public int markProcessing(Connection connection, List<String> callIds) throws SQLException {
        if (callIds.isEmpty()) {
            return 0;
        }
        List<Object> parameters = new ArrayList<>(List.of(clock.instant()));
        parameters.addAll(callIds);
        return Sql.updatePlannedForValues(connection, "UPDATE calls SET status = 'PROCESSING', reason = NULL, "
                + "updated_at = ? WHERE status = 'PENDING' AND id IN (" + InLists.placeholders(callIds.size()) + ")",
                parameters.toArray());
    }

    /**
     * The campaign's calls that never completed (waiting, failed or not picked) and were received before the
     * instant.
     */
    public List<Call> unfinishedBefore(String campaignId, Instant receivedBefore, int max) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM calls WHERE campaign_id = ? "
                + "AND status IN ('PENDING', 'FAILED', 'SKIPPED') AND created_at < ? ORDER BY created_at LIMIT ?",
                CallRepository::map, campaignId, receivedBefore, max));
    }

    /** The campaign's completed calls, completed before the instant, whose recording is still stored. */
    public List<Call> audioDue(String campaignId, Instant completedBefore, int max) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM calls WHERE campaign_id = ? "
                + "AND status = 'COMPLETED' AND recording_key IS NOT NULL AND completed_at < ? ORDER BY completed_at "
                + "LIMIT ?", CallRepository::map, campaignId, completedBefore, max));
    }

    /** The campaign's completed calls, completed before the instant. */
    public List<Call> completedBefore(String campaignId, Instant completedBefore, int max) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM calls WHERE campaign_id = ? "
                + "AND status = 'COMPLETED' AND completed_at < ? ORDER BY completed_at LIMIT ?", CallRepository::map,
                campaignId, completedBefore, max));
    }

    /** Records that these calls' recordings were deleted from permanent storage (retention). */
    public void audioDeleted(List<String> callIds) {
        Instant now = clock.instant();
        database.transaction(c -> Sql.batch(c, "UPDATE calls SET recording_key = NULL, audio_deleted_at = ?, "
                + "updated_at = ? WHERE id = ?", callIds.stream().map(id -> new Object[] {now, now, id}).toList()));
    }

    /** Deletes calls with their versions; the rows that made them stay, no longer pointing at a call. */
    public void delete(List<String> callIds) {
        database.transaction(c -> {
            List<Object[]> ids = callIds.stream().map(id -> new Object[] {id}).toList();
            Sql.batch(c, "DELETE FROM call_versions WHERE call_id = ?", ids);
            Sql.batch(c, "UPDATE csv_rows SET call_id = NULL WHERE call_id = ?", ids);
            Sql.batch(c, "DELETE FROM work_items WHERE subject_id = ?", ids);
            return Sql.batch(c, "DELETE FROM calls WHERE id = ?", ids);
        });
    }

    private static Object[] parameters(Call call) {
        CallMedia media = call.media();
        return new Object[] {call.id(), call.orgId(), call.campaignId(), call.batchId(), call.contactReference(),
                call.agentId(), call.agentIdentifier(), call.contactAt(), call.contactAtText(), call.recordingName(),
                call.recordingFileId(), call.recordingKey(), media == null ? null : media.format(),
                media == null ? null : media.codec(), media == null ? null : media.durationMs(),
                media == null ? null : media.channels(), media == null ? null : media.sampleRateHz(),
                JsonText.of(call.metadata()), call.metadataFileId(), call.source(), call.status(), call.reason(),
                call.version(), call.waitingUntil(), call.createdAt(), call.updatedAt(), call.completedAt(),
                call.audioDeletedAt()};
    }

    private static CallMedia media(ResultSet row) throws SQLException {
        String format = row.getString("media_format");
        if (format == null) {
            return null;
        }
        long duration = row.getLong("duration_ms");
        Long durationMs = row.wasNull() ? null : duration;
        return new CallMedia(format, row.getString("codec"), durationMs, row.getInt("channels"),
                row.getInt("sample_rate_hz"));
    }

    static Call map(ResultSet row) throws SQLException {
        return new Call(row.getString("id"), row.getString("org_id"), row.getString("campaign_id"),
                row.getString("batch_id"), row.getString("contact_reference"), row.getString("agent_id"),
                row.getString("agent_identifier"), Sql.instant(row, "contact_at"), row.getString("contact_at_text"),
                row.getString("recording_name"), row.getString("recording_file_id"), row.getString("recording_key"),
                media(row), JsonText.map(row.getString("metadata_json")), row.getString("metadata_file_id"),
                row.getString("source"), CallStatus.valueOf(row.getString("status")), row.getString("reason"),
                row.getInt("version"), Sql.instant(row, "waiting_until"), Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"), Sql.instant(row, "completed_at"), Sql.instant(row, "audio_deleted_at"));
    }

    private static CallVersion mapVersion(ResultSet row) throws SQLException {
        return new CallVersion(row.getString("call_id"), row.getInt("version"),
                VersionCause.valueOf(row.getString("cause")), row.getString("agent_id"),
                row.getString("agent_identifier"), Sql.instant(row, "contact_at"), row.getString("contact_at_text"),
                row.getString("recording_key"), media(row), JsonText.map(row.getString("metadata_json")),
                row.getString("metadata_file_id"), Sql.instant(row, "created_at"));
    }
}
