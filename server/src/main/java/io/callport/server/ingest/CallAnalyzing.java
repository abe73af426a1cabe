package io.callport.server.ingest;

import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.Claim;
import io.callport.server.store.RowOutcome;
import io.callport.server.store.WorkItem;
import io.callport.server.store.WorkKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the plugged-in {@link AnalysisStep} on a stored call, then completes it (or fails it with the step's message). */
final class CallAnalyzing implements Stage {
    private static final List<CallStatus> ANALYSING = List.of(CallStatus.TRANSCRIBING, CallStatus.ANALYZING);

    private final PipelineContext context;
    private final AnalysisStep step;

    CallAnalyzing(PipelineContext context, AnalysisStep step) {
        this.context = context;
        this.step = step;
    }

    @Override
    public WorkKind kind() {
        return WorkKind.ANALYZE_CALL;
    }

    @Override
    public void run(Claim claim) {
        Call call = context.database().read(c -> context.pipeline().calls()
                .find(c, claim.items().getFirst().subjectId())).orElse(null);
        if (call == null || !ANALYSING.contains(call.status())) {
            context.finishing(claim, (c, changes) -> null);
            return;
        }
        String failure = null;
        try {
            step.analyze(call, () -> context.recordings().open(call.recordingKey()), status ->
                    context.holding(claim, (c, changes) -> {
                        if (ANALYSING.contains(status)) {
                            context.pipeline().calls().setStatus(c, List.of(call.id()), status, null, ANALYSING);
                            changes.event(new PipelineEvent(PipelineEvent.CALL, call.id(), call.orgId(),
                                    call.campaignId(), call.batchId(), status.name(), null, context.now()));
                        }
                        return null;
                    }));
        } catch (Exception e) {
            failure = "The analysis failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        String reason = failure;
        context.finishing(claim, (c, changes) -> {
            settle(c, changes, call, reason);
            return null;
        });
    }

    private void settle(Connection c, Changes changes, Call call, String failure) throws SQLException {
        CallStatus status = failure == null ? CallStatus.COMPLETED : CallStatus.FAILED;
        context.pipeline().calls().setStatus(c, List.of(call.id()), status, failure, ANALYSING);
        Map<String, String> reasons = new HashMap<>();
        reasons.put(call.id(), failure);
        context.pipeline().rows().settleForCalls(c, reasons, failure == null ? RowOutcome.COMPLETED : RowOutcome.FAILED);
        changes.event(new PipelineEvent(PipelineEvent.CALL, call.id(), call.orgId(), call.campaignId(),
                call.batchId(), status.name(), failure, context.now()));
        context.refreshSoon(c, changes, call.batchId());
    }

    @Override
    public void giveUp(Connection connection, Changes changes, WorkItem item, String reason) throws SQLException {
        Call call = context.pipeline().calls().find(connection, item.subjectId()).orElse(null);
        if (call != null) {
            settle(connection, changes, call, reason);
        }
    }
}
