package io.callport.server.ingest;

import io.callport.server.store.BatchStatus;
import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.RowOutcome;
import io.callport.server.store.WorkKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What people ask of the pipeline: reprocess a call, cancel a batch (a bulk job). */
public final class PipelineCommands {
    private final PipelineContext context;

    PipelineCommands(PipelineContext context) {
        this.context = context;
    }

    /** Why a command cannot be done now, as a sentence. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Queues a finished (completed, failed or not picked) call to be processed again; its result is kept as a new
     * version.
     * Empty when the organisation has no such call.
     *
     * @throws Refused when the call is still being processed or has no recording to process
     */
    public Optional<Call> reprocess(String orgId, String callId) {
        return context.transaction((c, changes) -> {
            Optional<Call> found = context.pipeline().calls().find(c, callId).filter(call -> call.orgId().equals(orgId));
            if (found.isEmpty()) {
                return Optional.<Call>empty();
            }
            Call call = found.get();
            if (!call.status().isFinal()) {
                throw new Refused("The call " + call.contactReference() + " is " + call.status().name().toLowerCase()
                        + " now; reprocess it once that is done.");
            }
            if (call.audioDeletedAt() != null) {
                throw new Refused("The recording of the call " + call.contactReference() + " was deleted on "
                        + Texts.when(call.audioDeletedAt()) + " under the campaign's retention, so it cannot be "
                        + "processed again.");
            }
            String reason = "Reprocessing was asked for on " + Texts.when(context.now()) + ".";
            context.pipeline().calls().setStatus(c, List.of(callId), CallStatus.PENDING, reason,
                    List.of(CallStatus.COMPLETED, CallStatus.FAILED, CallStatus.SKIPPED));
            context.pipeline().rows().reopenForCall(c, callId);
            context.enqueueNow(c, changes, WorkKind.INGEST_CALL, callId);
            context.refreshSoon(c, changes, call.batchId());
            Call queued = context.pipeline().calls().find(c, callId).orElseThrow();
            changes.event(context.callEvent(queued, reason));
            return Optional.of(queued);
        });
    }

    /**
     * Cancels a batch that has not finished: it takes no more files, its files not yet done are Skipped, its calls
     * not yet done fail (they can be reprocessed), its waiting rows are skipped, and its queued work is dropped.
     * It then ends Incomplete, its reason saying when it was cancelled.
     * Empty when the organisation has no such batch.
     *
     * @throws Refused when the batch has already finished
     */
    public Optional<IngestBatch> cancel(String orgId, String batchId) {
        return context.transaction((c, changes) -> {
            Optional<IngestBatch> found = context.pipeline().batches().find(c, batchId)
                    .filter(batch -> batch.orgId().equals(orgId));
            if (found.isEmpty()) {
                return Optional.<IngestBatch>empty();
            }
            if (found.get().status().isFinal()) {
                throw new Refused("The batch has already finished (" + found.get().status().name().toLowerCase()
                        + "); there is nothing left to cancel.");
            }
            String when = Texts.when(context.now());
            context.pipeline().batches().cancel(c, batchId);
            List<String> files = context.pipeline().files().skipUnfinished(c, batchId, "The batch was cancelled on "
                    + when + " before this file was processed.");
            String callReason = "The batch was cancelled on " + when + " before this call was processed; reprocess "
                    + "it to take it in.";
            List<Call> failed = context.pipeline().calls().failUnfinished(c, batchId, callReason);
            List<String> calls = failed.stream().map(Call::id).toList();
            context.pipeline().rows().settleWaitingInBatch(c, batchId, RowOutcome.SKIPPED, "The batch was cancelled on "
                    + when + ".");
            // calls of earlier batches that waited for this batch's picking: their rows and batches are told too
            Map<String, String> heldFromElsewhere = new HashMap<>();
            for (Call call : failed) {
                if (!call.batchId().equals(batchId)) {
                    heldFromElsewhere.put(call.id(), callReason);
                    context.refreshSoon(c, changes, call.batchId());
                }
            }
            context.pipeline().rows().settleForCalls(c, heldFromElsewhere, RowOutcome.SKIPPED);
            context.pipeline().work().cancel(c, WorkKind.CLOSE_BATCH, List.of(batchId));
            context.pipeline().work().cancel(c, WorkKind.SETTLE_BATCH, List.of(batchId));
            context.pipeline().work().cancel(c, WorkKind.READ_CSV, files);
            context.pipeline().work().cancel(c, WorkKind.UNPACK_ZIP, files);
            context.pipeline().work().cancel(c, WorkKind.INGEST_CALL, calls);
            context.pipeline().work().cancel(c, WorkKind.ANALYZE_CALL, calls);
            context.pipeline().batches().setStatus(c, batchId, BatchStatus.PROCESSING, null);
            context.refreshSoon(c, changes, batchId);
            return context.pipeline().batches().find(c, batchId);
        });
    }
}
