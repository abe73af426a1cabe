package io.callport.server.ingest;

import io.callport.media.MediaInfo;
import io.callport.media.MediaProbe;
import io.callport.media.ProbeResult;
import io.callport.server.store.Call;
import io.callport.server.store.CallMedia;
import io.callport.server.store.CallStatus;
import io.callport.server.store.Claim;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestFile;
import io.callport.server.store.RowOutcome;
import io.callport.server.store.VersionCause;
import io.callport.server.store.WorkItem;
import io.callport.server.store.WorkKind;
import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes a call's recording in: probes it (an empty, zero-length or non-audio file fails the call with that
 * reason), stores it under the call's key in permanent storage, and keeps the call's new version with the
 * recording's format, duration, channels and sample rate. Without an analysis step the call is then Completed;
 * with one it goes on to {@link CallAnalyzing}. Reprocessing runs the same step on the stored recording.
 * Probing and storing happen outside any transaction; storing again under the same key after a crash replaces the
 * copy, and only the holder of the claim records the result, so each call is ingested once.
 */
final class CallIngesting implements Stage {
    private static final Set<CallStatus> TAKEN = Set.of(CallStatus.PENDING, CallStatus.PROCESSING);

    private final PipelineContext context;
    private final MediaProbe probe = new MediaProbe();

    CallIngesting(PipelineContext context) {
        this.context = context;
    }

    @Override
    public WorkKind kind() {
        return WorkKind.INGEST_CALL;
    }

    @Override
    public int claimSize() {
        return 64;
    }

    /** A call with its recording file (null when it is reprocessed from storage only). */
    private record Job(WorkItem item, Call call, IngestFile recording) {
    }

    /** What probing and storing gave: the stored key and media, or why the recording was refused. */
    private record Result(String key, CallMedia media, String refusal) {
    }

    @Override
    public void run(Claim claim) throws IOException {
        List<Job> jobs = context.holding(claim, (c, changes) -> start(c, changes, claim));
        Map<String, Result> results = new HashMap<>();
        Instant held = context.now();
        for (Job job : jobs) {
            results.put(job.call().id(), ingest(job));
            if (Duration.between(held, context.now()).compareTo(context.settings().lease().dividedBy(3)) > 0) {
                // long recordings: renew the lease before it could run out
                context.holding(claim, (c, changes) -> null);
                held = context.now();
            }
        }
        context.transaction((c, changes) -> {
            List<String> stillHeld = context.pipeline().work().hold(c, claim, context.settings().lease());
            List<Job> done = jobs.stream().filter(job -> stillHeld.contains(job.item().id())).toList();
            record(c, changes, done, results);
            Set<String> batches = new LinkedHashSet<>();
            for (Job job : done) {
                batches.add(job.call().batchId());
                if (job.recording() != null) {
                    batches.add(job.recording().batchId());
                }
            }
            context.pipeline().work().complete(c, claim, claim.items().stream()
                    .filter(item -> stillHeld.contains(item.id())).toList());
            // with no call left to take in, no later change shares the refresh: the batch may show its end at once
            boolean lastCalls = !context.pipeline().work().hasAny(c, WorkKind.INGEST_CALL);
            for (String batchId : batches) {
                if (lastCalls) {
                    context.enqueueNow(c, changes, WorkKind.REFRESH_BATCH, batchId);
                } else {
                    context.refreshSoon(c, changes, batchId);
                }
            }
            return null;
        });
    }

    /**
     * Marks the claimed calls and their recordings as being processed. A call already processing was held by a
     * process that died (its claim ran out, so this one could take it) and is taken again; a call that is neither
     * (cancelled meanwhile) is skipped.
     */
    private List<Job> start(Connection c, Changes changes, Claim claim) throws SQLException {
        Map<String, Call> calls = context.pipeline().calls().findAll(c,
                claim.items().stream().map(WorkItem::subjectId).toList());
        List<WorkItem> pending = claim.items().stream().filter(item -> calls.containsKey(item.subjectId())
                && TAKEN.contains(calls.get(item.subjectId()).status())).toList();
        List<String> callIds = pending.stream().map(WorkItem::subjectId).toList();
        context.pipeline().calls().markProcessing(c, callIds);
        Map<String, IngestFile> recordings = context.pipeline().files().findAll(c, callIds.stream()
                .map(id -> calls.get(id).recordingFileId()).filter(java.util.Objects::nonNull).toList());
        context.pipeline().files().markProcessing(c, List.copyOf(recordings.keySet()));
        List<Job> jobs = new ArrayList<>();
        for (WorkItem item : pending) {
            Call call = calls.get(item.subjectId());
            jobs.add(new Job(item, call, call.recordingFileId() == null ? null : recordings.get(call.recordingFileId())));
            changes.event(new PipelineEvent(PipelineEvent.CALL, call.id(), call.orgId(), call.campaignId(),
                    call.batchId(), CallStatus.PROCESSING.name(), null, context.now()));
        }
        return jobs;
    }

    private Result ingest(Job job) throws IOException {
        Call call = job.call();
        if (call.recordingKey() != null) {
            return probeStored(call, job.recording());
        }
        Optional<Path> content = job.recording() == null ? Optional.empty() : context.landed().current(job.recording());
        if (content.isEmpty()) {
            return new Result(null, null, Texts.reason(IssueCode.FILE_UNREADABLE, "The recording "
                    + call.recordingName() + " is no longer in the campaign folder; send it again."));
        }
        ProbeResult probed = probe.probe(content.get());
        if (!probed.accepted()) {
            return refused(probed);
        }
        String key = keyOf(call, job.recording().name());
        context.recordings().put(key, content.get());
        return new Result(key, media(probed.info()), null);
    }

    /**
     * {@code <org>/<campaign>/<shard>/<call>-<name>}: the shard (the call id's last two characters) keeps folders
     * to a few thousand entries with no folder per call.
     */
    static String keyOf(Call call, String recordingName) {
        String id = call.id();
        return call.orgId() + "/" + call.campaignId() + "/" + id.substring(id.length() - 2) + "/" + id + "-"
                + recordingName;
    }

    /** A stored recording is the landed file's content, so that file's row gives its size. */
    private Result probeStored(Call call, IngestFile recording) throws IOException {
        try (InputStream in = context.recordings().open(call.recordingKey())) {
            ProbeResult probed = probe.probe(call.recordingName(), recording.size(), in);
            return probed.accepted() ? new Result(call.recordingKey(), media(probed.info()), null) : refused(probed);
        }
    }

    private static Result refused(ProbeResult probed) {
        return new Result(null, null, probed.issues().stream().filter(Issue::isError).map(Texts::reason)
                .findFirst().orElseThrow());
    }

    private static CallMedia media(MediaInfo info) {
        return new CallMedia(info.format().name(), info.codec(),
                info.durationKnown() ? info.duration().toMillis() : null, info.channels(), info.sampleRateHz());
    }

    /** Records what probing and storing gave for the jobs still held, each kind of change in one batch. */
    private void record(Connection c, Changes changes, List<Job> jobs, Map<String, Result> results)
            throws SQLException {
        CallStatus next = context.analysis() == null ? CallStatus.COMPLETED : CallStatus.TRANSCRIBING;
        Map<VersionCause, List<Call>> stored = new java.util.EnumMap<>(VersionCause.class);
        List<String> completedFiles = new ArrayList<>();
        List<String> completedCalls = new ArrayList<>();
        for (Job job : jobs) {
            Call call = job.call();
            Result result = results.get(call.id());
            if (result.refusal() != null) {
                fail(c, changes, call, job.recording(), result.refusal());
                continue;
            }
            stored.computeIfAbsent(call.version() == 0 ? VersionCause.INGESTED : VersionCause.REPROCESSED,
                    cause -> new ArrayList<>()).add(new Call(call.id(), call.orgId(), call.campaignId(),
                    call.batchId(), call.contactReference(), call.agentId(), call.agentIdentifier(), call.contactAt(),
                    call.contactAtText(), call.recordingName(), call.recordingFileId(), result.key(), result.media(),
                    call.metadata(), call.metadataFileId(), call.source(), call.status(), null, call.version(), null,
                    call.createdAt(), call.updatedAt(), call.completedAt(), call.audioDeletedAt()));
            IngestFile recording = job.recording();
            if (recording != null && recording.status() != FileStatus.COMPLETED) {
                completedFiles.add(recording.id());
                changes.event(context.fileEvent(recording, FileStatus.COMPLETED, null));
                changes.afterCommit(() -> context.landed().settle(recording, FileStatus.COMPLETED));
            }
            completedCalls.add(call.id());
        }
        for (Map.Entry<VersionCause, List<Call>> byCause : stored.entrySet()) {
            for (Call kept : context.pipeline().calls().keepVersions(c, byCause.getValue(), byCause.getKey(), next)) {
                changes.event(context.callEvent(kept, null));
            }
        }
        context.pipeline().files().setStatus(c, completedFiles, FileStatus.COMPLETED);
        if (next == CallStatus.COMPLETED) {
            context.pipeline().rows().completeForCalls(c, completedCalls);
        } else {
            context.enqueueNowAll(c, changes, WorkKind.ANALYZE_CALL, completedCalls);
        }
    }

    /** Fails the call, its recording and the rows that made it, with the same reason. */
    void fail(Connection c, Changes changes, Call call, IngestFile recording, String reason) throws SQLException {
        context.pipeline().calls().setStatuses(c, CallStatus.FAILED, single(call.id(), reason));
        changes.event(new PipelineEvent(PipelineEvent.CALL, call.id(), call.orgId(), call.campaignId(),
                call.batchId(), CallStatus.FAILED.name(), reason, context.now()));
        context.pipeline().rows().settleForCalls(c, single(call.id(), reason), RowOutcome.FAILED);
        if (recording != null && !recording.status().isFinal()) {
            context.pipeline().files().setStatus(c, recording.id(), FileStatus.FAILED, reason);
            changes.event(context.fileEvent(recording, FileStatus.FAILED, reason));
            changes.afterCommit(() -> context.landed().settle(recording, FileStatus.FAILED));
        }
    }

    @Override
    public void giveUp(Connection connection, Changes changes, WorkItem item, String reason) throws SQLException {
        Call call = context.pipeline().calls().find(connection, item.subjectId()).orElse(null);
        if (call == null) {
            return;
        }
        IngestFile recording = call.recordingFileId() == null ? null
                : context.pipeline().files().find(connection, call.recordingFileId()).orElse(null);
        fail(connection, changes, call, recording, reason);
        context.refreshSoon(connection, changes, call.batchId());
    }

    private static Map<String, String> single(String key, String value) {
        Map<String, String> map = new HashMap<>();
        map.put(key, value);
        return map;
    }
}
