package io.callport.server.ingest;

import io.callport.server.store.BatchStatus;
import io.callport.server.store.Claim;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.IngestFileKind;
import io.callport.server.store.WorkItem;
import io.callport.server.store.WorkKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A batch's window has passed with no new file: the batch closes (later files open a new one), its CRM files,
 * metadata files and zips are queued for reading, and settling its recordings is queued behind them. If a file
 * arrived meanwhile and moved the window on, the closing waits for the new end of the window.
 */
final class BatchClosing implements Stage {
    private static final Map<IngestFileKind, WorkKind> READ_FIRST = Map.of(IngestFileKind.CRM, WorkKind.READ_CSV,
            IngestFileKind.METADATA, WorkKind.READ_CSV, IngestFileKind.ARCHIVE, WorkKind.UNPACK_ZIP);

    private final PipelineContext context;

    BatchClosing(PipelineContext context) {
        this.context = context;
    }

    @Override
    public WorkKind kind() {
        return WorkKind.CLOSE_BATCH;
    }

    @Override
    public void run(Claim claim) {
        String batchId = claim.items().getFirst().subjectId();
        context.holding(claim, (c, changes) -> {
            IngestBatch batch = context.pipeline().batches().find(c, batchId).orElse(null);
            if (batch == null) {
                context.pipeline().work().complete(c, claim);
                return null;
            }
            if (!context.pipeline().batches().closeIfDue(c, batchId)) {
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
