package io.callport.server.ingest;

import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.Campaign;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestFile;
import io.callport.server.store.PickingRule;
import io.callport.server.store.RowOutcome;
import io.callport.server.store.WorkKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A campaign's picking rule applied to a batch: in a campaign that picks, the calls the batch's processing gave
 * their recordings wait, and once the batch is settled this decides for all of them in one transaction. The picked
 * ones are queued for storing; the others end Skipped, their recordings Skipped, with the reason, never probed or
 * stored; the rows that made them are completed (they made their call). The choice depends only on the calls
 * (recording names, agents, times), so a batch settled again after a crash chooses the same ones.
 */
final class BatchPicking {
    /** For "at most N per agent": the earliest calls first, then by recording name. */
    private static final Comparator<Call> EARLIEST_FIRST = Comparator.comparing(Call::contactAt,
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Call::recordingName, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Call::id);

    private final PipelineContext context;

    BatchPicking(PipelineContext context) {
        this.context = context;
    }

    /** Decides for the calls held for the batch's picking, in the caller's transaction. */
    void decide(Connection c, Changes changes, Campaign campaign, String batchId) throws SQLException {
        List<Call> held = context.pipeline().calls().heldForPicking(c, batchId).stream().sorted(EARLIEST_FIRST)
                .toList();
        if (held.isEmpty()) {
            return;
        }
        PickingRule rule = campaign.picking();
        List<Call> picked = rule.pick(held, Call::recordingName, BatchPicking::agentOf);
        Set<String> pickedIds = new LinkedHashSet<>(picked.stream().map(Call::id).toList());
        Map<String, String> notPicked = new LinkedHashMap<>();
        for (Call call : held) {
            if (!pickedIds.contains(call.id())) {
                notPicked.put(call.id(), reason(rule, call, picked.size(), held.size()));
            }
        }
        context.pipeline().calls().decidePicking(c, pickedIds, notPicked);
        context.enqueueNowAll(c, changes, WorkKind.INGEST_CALL, List.copyOf(pickedIds));
        skip(c, changes, held.stream().filter(call -> notPicked.containsKey(call.id())).toList(), notPicked);
    }

    /** Ends the calls left out, their recordings and their rows, and asks their batches for a refresh. */
    private void skip(Connection c, Changes changes, List<Call> calls, Map<String, String> reasons)
            throws SQLException {
        Map<String, IngestFile> recordings = context.pipeline().files().findAll(c, calls.stream()
                .map(Call::recordingFileId).toList());
        Map<String, String> fileReasons = new HashMap<>();
        Map<String, String> rowsCompleted = new HashMap<>();
        Set<String> batches = new HashSet<>();
        for (Call call : calls) {
            String reason = reasons.get(call.id());
            IngestFile recording = recordings.get(call.recordingFileId());
            fileReasons.put(recording.id(), reason);
            rowsCompleted.put(call.id(), null);
            batches.add(call.batchId());
            batches.add(recording.batchId());
            changes.event(context.callEvent(call, CallStatus.SKIPPED, reason));
            changes.event(context.fileEvent(recording, FileStatus.SKIPPED, reason));
            changes.afterCommit(() -> context.landed().settle(recording, FileStatus.SKIPPED));
        }
        context.pipeline().files().skipNotPicked(c, fileReasons);
        context.pipeline().rows().settleForCalls(c, rowsCompleted, RowOutcome.COMPLETED);
        for (String batchId : batches) {
            context.refreshSoon(c, changes, batchId);
        }
    }

    /** Whose call it is: the mapped agent, else what the file name said (see {@link PickingRule#agentOf}). */
    private static String agentOf(Call call) {
        return call.agentId() != null ? "agent:" + call.agentId() : PickingRule.agentOf(call.metadata());
    }

    private static String reason(PickingRule rule, Call call, int picked, int total) {
        return switch (rule) {
            case PickingRule.Percentage percentage -> String.format("Not picked: the campaign takes in %d%% of each "
                    + "batch's calls; %,d of this batch's %,d were picked.", percentage.percent(), picked, total);
            case PickingRule.MaxPerAgent perAgent -> {
                String agent = agentOf(call);
                String who = agent.equals(PickingRule.UNKNOWN_AGENT) ? "calls with no known agent already have"
                        : "the agent " + (call.agentIdentifier() != null ? call.agentIdentifier()
                        : agent.substring(agent.indexOf(':') + 1)) + " already has";
                yield String.format("Not picked: the campaign takes in at most %,d %s per agent from each batch, and "
                        + "%s %,d in this one.", perAgent.max(), perAgent.max() == 1 ? "call" : "calls", who,
                        perAgent.max());
            }
            case PickingRule.All all -> throw new IllegalStateException("Every call is picked when all are taken in");
        };
    }
}
