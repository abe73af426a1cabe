package io.callport.server.ingest;

import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.CallRepository;
import io.callport.server.store.Campaign;
import io.callport.server.store.FileStatus;
import io.callport.server.store.Ids;
import io.callport.server.store.PickingRule;
import io.callport.server.store.IngestFile;
import io.callport.server.store.RowOutcome;
import io.callport.server.store.VersionCause;
import io.callport.server.store.WorkKind;
import io.callport.validate.CallFields;
import io.callport.validate.IssueCode;
import io.callport.validate.Limits;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns call metadata (CSV rows, sidecars) into calls, matched with their recordings. A record whose contact
 * reference is new makes a call: with its recording when that arrived in the last 30 days and is not yet taken,
 * else a call waiting 30 days for it, so either may come first. A record whose contact reference the campaign
 * already has is a metadata update, kept as a new version of the call, when its file arrived within 48 hours of
 * the call's time; after that it is refused.
 */
final class Association {
    private final PipelineContext context;

    Association(PipelineContext context) {
        this.context = context;
    }

    /**
     * One call's metadata.
     *
     * @param agentId   the agent it was matched to; null when it names none
     * @param recording the recording it comes with (a sidecar's); null to find it by the name the fields give
     */
    record Metadata(CallFields fields, String agentId, IngestFile recording) {
    }

    /** What became of one record. */
    record Outcome(RowOutcome outcome, String reason, String callId) {
    }

    /**
     * Applies records of one metadata file in the caller's transaction, in order; one outcome per record.
     *
     * @param batchId the batch being processed, whose picking decides the calls made here with their recordings
     */
    List<Outcome> apply(Connection connection, Changes changes, Campaign campaign, String batchId, IngestFile source,
                        List<Metadata> records) throws SQLException {
        List<String> references = records.stream().map(r -> r.fields().contactReference()).distinct().toList();
        Map<String, Call> calls = new HashMap<>(context.pipeline().calls().withReferences(connection, campaign.id(),
                references));
        List<String> wanted = records.stream().filter(r -> r.recording() == null && r.fields().recording() != null)
                .map(r -> r.fields().recording()).distinct().toList();
        Map<String, IngestFile> recordings = new HashMap<>(context.pipeline().files().waitingRecordings(connection,
                campaign.id(), wanted, source.arrivedAt().minus(Limits.ASSOCIATION_LOOKBACK)));
        List<Call> created = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Metadata record : records) {
            Call existing = calls.get(record.fields().contactReference());
            if (existing != null) {
                outcomes.add(update(connection, changes, existing, record, source));
                continue;
            }
            IngestFile recording = record.recording() != null ? record.recording()
                    : record.fields().recording() == null ? null : recordings.remove(record.fields().recording());
            if (recording == null && record.fields().recording() == null) {
                outcomes.add(new Outcome(RowOutcome.FAILED, Texts.reason(IssueCode.CALL_NOT_FOUND, "The campaign "
                        + "has no call with the reference " + record.fields().contactReference() + " to update, and "
                        + "this record names no recording to make one from."), null));
                continue;
            }
            Call call = newCall(campaign, source, record, recording);
            created.add(call);
            calls.put(call.contactReference(), call);
            if (recording != null) {
                matched.add(recording.id());
            }
            outcomes.add(new Outcome(RowOutcome.WAITING, call.reason(), call.id()));
        }
        context.pipeline().calls().insertAll(connection, created);
        context.pipeline().files().setStatus(connection, matched, FileStatus.MATCHED);
        ready(connection, changes, campaign, batchId, created.stream()
                .filter(call -> call.recordingFileId() != null).map(Call::id).toList());
        for (Call call : created) {
            changes.event(new PipelineEvent(PipelineEvent.CALL, call.id(), call.orgId(), call.campaignId(),
                    call.batchId(), call.status().name(), call.reason(), call.createdAt()));
        }
        return outcomes;
    }

    /** The calls these recordings complete, by recording name (see {@link CallRepository#waitingFor}). */
    Map<String, Call> callsWaitingFor(Connection connection, Campaign campaign, List<IngestFile> recordings)
            throws SQLException {
        return context.pipeline().calls().waitingFor(connection, campaign.id(),
                recordings.stream().map(IngestFile::name).toList());
    }

    /** Matches waiting calls with recordings of the batch being processed, and makes them ready for storing. */
    void attach(Connection connection, Changes changes, Campaign campaign, String batchId,
                Map<Call, IngestFile> recordingsByCall) throws SQLException {
        Map<String, String> fileIdsByCall = new LinkedHashMap<>();
        recordingsByCall.forEach((call, file) -> fileIdsByCall.put(call.id(), file.id()));
        context.pipeline().calls().attachRecordings(connection, fileIdsByCall);
        context.pipeline().files().setStatus(connection, fileIdsByCall.values(), FileStatus.MATCHED);
        for (Call call : recordingsByCall.keySet()) {
            if (call.status() == CallStatus.FAILED) {
                context.pipeline().rows().reopenForCall(connection, call.id());
                context.refreshSoon(connection, changes, call.batchId());
            }
        }
        ready(connection, changes, campaign, batchId, List.copyOf(fileIdsByCall.keySet()));
    }

    /**
     * Calls that have their recording: queued for storing, or, when the campaign picks, held until the batch being
     * processed decides which of its calls it takes in (see {@link BatchPicking}).
     */
    private void ready(Connection connection, Changes changes, Campaign campaign, String batchId, List<String> callIds)
            throws SQLException {
        if (campaign.picking() == PickingRule.ALL) {
            context.enqueueNowAll(connection, changes, WorkKind.INGEST_CALL, callIds);
        } else {
            context.pipeline().calls().holdForPicking(connection, callIds, batchId);
        }
    }

    private Outcome update(Connection connection, Changes changes, Call call, Metadata record, IngestFile source)
            throws SQLException {
        Instant callTime = call.contactAt() != null ? call.contactAt() : call.createdAt();
        Instant deadline = callTime.plus(Limits.METADATA_UPDATE_WINDOW);
        if (source.arrivedAt().isAfter(deadline)) {
            return new Outcome(RowOutcome.FAILED, Texts.reason(IssueCode.REFERENCE_UPDATE_TOO_LATE, "The call "
                    + call.contactReference() + " took place on " + Texts.when(callTime) + "; its metadata could be "
                    + "updated until " + Texts.when(deadline) + ", " + Limits.METADATA_UPDATE_WINDOW.toHours()
                    + " hours after it, but " + source.name() + " arrived on " + Texts.when(source.arrivedAt()) + "."),
                    call.id());
        }
        CallFields fields = record.fields();
        Call updated = new Call(call.id(), call.orgId(), call.campaignId(), call.batchId(), call.contactReference(),
                record.agentId(), fields.agent(), fields.contactDate() != null ? fields.contactDate() : call.contactAt(),
                fields.contactDateText() != null ? fields.contactDateText() : call.contactAtText(),
                call.recordingName(), call.recordingFileId(), call.recordingKey(), call.media(), fields.metadata(),
                source.id(), call.source(), call.status(), call.reason(), call.version(), call.waitingUntil(),
                call.createdAt(), call.updatedAt(), call.completedAt(), call.audioDeletedAt());
        if (call.status() == CallStatus.COMPLETED) {
            Call kept = context.pipeline().calls().keepVersion(connection, updated, VersionCause.METADATA_UPDATE,
                    CallStatus.COMPLETED);
            changes.event(new PipelineEvent(PipelineEvent.CALL, kept.id(), kept.orgId(), kept.campaignId(),
                    kept.batchId(), kept.status().name(), "Metadata updated (version " + kept.version() + ").",
                    kept.updatedAt()));
            return new Outcome(RowOutcome.COMPLETED, null, call.id());
        }
        context.pipeline().calls().replaceMetadata(connection, updated);
        return call.status() == CallStatus.FAILED ? new Outcome(RowOutcome.COMPLETED, null, call.id())
                : new Outcome(RowOutcome.WAITING, call.reason(), call.id());
    }

    private Call newCall(Campaign campaign, IngestFile source, Metadata record, IngestFile recording) {
        CallFields fields = record.fields();
        Instant now = context.now();
        Instant waitUntil = recording != null ? null : source.arrivedAt().plus(Limits.ASSOCIATION_LOOKBACK);
        String reason = recording != null ? null : "Waiting for the recording " + fields.recording() + " until "
                + Texts.when(waitUntil) + ".";
        return new Call(Ids.ordered("cal"), campaign.orgId(), campaign.id(), source.batchId(), fields.contactReference(),
                record.agentId(), fields.agent(), fields.contactDate(), fields.contactDateText(),
                recording != null ? recording.name() : fields.recording(), recording != null ? recording.id() : null,
                null, null, fields.metadata(), source.id(),
                Objects.requireNonNullElse(recording, source).source(), CallStatus.PENDING, reason, 0, waitUntil, now,
                now, null, null);
    }
}
