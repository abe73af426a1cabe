package io.callport.server.ingest;

import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestFile;
import io.callport.server.store.IngestFileKind;
import io.callport.server.store.RowOutcome;
import io.callport.server.store.WorkKind;
import io.callport.validate.IssueCode;
import io.callport.validate.Limits;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ends waiting that lasted longer than the association lookback (30 days): a call whose recording never came
 * fails (and its rows with it), a recording no metadata named fails, a sidecar whose recording never came fails.
 * Each keeps its reason, and its batch gets its final status.
 */
final class WaitExpiry {
    private static final int CHUNK = 500;

    private final PipelineContext context;

    WaitExpiry(PipelineContext context) {
        this.context = context;
    }

    void run() {
        Instant now = context.now();
        while (context.transaction((c, changes) -> expireCalls(c, changes, now)) == CHUNK) {
            // more calls waited too long
        }
        Instant arrivedBefore = now.minus(Limits.ASSOCIATION_LOOKBACK);
        for (IngestFileKind kind : List.of(IngestFileKind.RECORDING, IngestFileKind.SIDECAR)) {
            while (context.transaction((c, changes) -> expireFiles(c, changes, kind, arrivedBefore)) == CHUNK) {
                // more files waited too long
            }
        }
    }

    private int expireCalls(Connection c, Changes changes, Instant now) throws SQLException {
        List<Call> expired = context.pipeline().calls().waitedTooLong(c, now, CHUNK);
        for (Call call : expired) {
            String reason = Texts.reason(IssueCode.AUDIO_NOT_IN_BATCH, "The recording " + call.recordingName()
                    + " did not arrive within " + Limits.ASSOCIATION_LOOKBACK.toDays() + " days (by "
                    + Texts.when(call.waitingUntil()) + "). Send the recording and its row again.");
            Map<String, String> reasons = new HashMap<>();
            reasons.put(call.id(), reason);
            if (context.pipeline().calls().setStatus(c, List.of(call.id()), CallStatus.FAILED, reason,
                    List.of(CallStatus.PENDING)) == 1) {
                context.pipeline().rows().settleForCalls(c, reasons, RowOutcome.FAILED);
                changes.event(new PipelineEvent(PipelineEvent.CALL, call.id(), call.orgId(), call.campaignId(),
                        call.batchId(), CallStatus.FAILED.name(), reason, now));
                context.refreshSoon(c, changes, call.batchId());
            }
        }
        return expired.size();
    }

    private int expireFiles(Connection c, Changes changes, IngestFileKind kind, Instant arrivedBefore)
            throws SQLException {
        List<IngestFile> expired = context.pipeline().files().waitingSince(c, kind, arrivedBefore, CHUNK);
        for (IngestFile file : expired) {
            String reason = kind == IngestFileKind.RECORDING
                    ? Texts.reason(IssueCode.RECORDING_UNREFERENCED, "No CSV row or sidecar named the recording "
                    + file.name() + " within " + Limits.ASSOCIATION_LOOKBACK.toDays() + " days of its arrival on "
                    + Texts.when(file.arrivedAt()) + ". Send it again together with its metadata.")
                    : Texts.reason(IssueCode.CALL_NOT_FOUND, "The recording of the sidecar " + file.name()
                    + " did not arrive within " + Limits.ASSOCIATION_LOOKBACK.toDays() + " days of it, and no call "
                    + "it names was received. Send the recording and the sidecar again.");
            context.pipeline().files().setStatus(c, file.id(), FileStatus.FAILED, reason);
            changes.event(context.fileEvent(file, FileStatus.FAILED, reason));
            changes.afterCommit(() -> context.landed().settle(file, FileStatus.FAILED));
            context.refreshSoon(c, changes, file.batchId());
        }
        return expired.size();
    }
}
