package io.callport.server.ingest;

import io.callport.server.store.BatchStatus;
import io.callport.server.store.Claim;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.IngestFileKind;
import io.callport.server.store.WorkItem;
import io.callport.server.store.WorkKind;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A batch's window has passed with no new file, or the batch has nothing left to wait for (its CSVs have come and
 * every row's recording is there, see {@link BatchReadiness}): the batch closes (later files open a new one), its
 * CRM files, metadata files and zips are queued for reading, and settling its recordings is queued behind them.
 * If a file arrived meanwhile and moved the window on, the closing waits for the new end of the window.
 */
final class BatchClosing implements Stage {
    private static final Map<IngestFileKind, WorkKind> READ_FIRST = Map.of(IngestFileKind.CRM, WorkKind.READ_CSV,
            IngestFileKind.METADATA, WorkKind.READ_CSV, IngestFileKind.ARCHIVE, WorkKind.UNPACK_ZIP);

    private final PipelineContext context;
    private final BatchReadiness readiness;

    BatchClosing(PipelineContext context) {
        this.context = context;
        this.readiness = new BatchReadiness(context);
    }

    @Override
    public WorkKind kind() {
        return WorkKind.CLOSE_BATCH;
    }

    @Override
    public void run(Claim claim) throws IOException {
        String batchId = claim.items().getFirst().subjectId();
        IngestBatch open = context.database().read(c -> context.pipeline().batches().find(c, batchId))
                .filter(batch -> batch.open() && batch.windowClosesAt().isAfter(context.now())).orElse(null);
        // read before the transaction: a file joining the batch meanwhile is processed with it all the same
        boolean early = open != null && readiness.hasEverything(open);
        context.holdingBatch(batchId, claim, (c, changes) -> {
            IngestBatch batch = context.pipeline().batches().find(c, batchId).orElse(null);
            if (batch == null) {
                context.pipeline().work().complete(c, claim);
                return null;
            }
            if (early) {
                context.pipeline().batches().closeEarly(c, batchId);
            } else if (!context.pipeline().batches().closeIfDue(c, batchId)) {
                context.pipeline().work().postpone(c, claim, batch.windowClosesAt());
                return null;
            }
            for (Map.Entry<IngestFileKind, WorkKind> first : READ_FIRST.entrySet()) {
                for (IngestFile file : context.pipeline().files().inBatch(c, batchId, first.getKey(),
                        FileStatus.DETECTED)) {
                    context.enqueueNow(c, changes, first.getValue(), file.id());
                }
            }
            context.enqueueNow(c, changes, WorkKind.SETTLE_BATCH, batchId);
            if (batch.status() == BatchStatus.DETECTING) {
                context.pipeline().batches().setStatus(c, batchId, BatchStatus.PROCESSING, null);
                changes.event(new PipelineEvent(PipelineEvent.BATCH, batchId, batch.orgId(), batch.campaignId(),
                        batchId, BatchStatus.PROCESSING.name(), null, context.now()));
            }
            context.pipeline().work().complete(c, claim);
            return null;
        });
    }

    @Override
    public void giveUp(Connection connection, Changes changes, WorkItem item, String reason) throws SQLException {
        context.pipeline().batches().setStatus(connection, item.subjectId(), BatchStatus.FAILED, reason);
    }
}
