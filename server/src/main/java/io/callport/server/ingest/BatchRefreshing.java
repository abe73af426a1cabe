package io.callport.server.ingest;

import io.callport.mapping.FieldMapping;
import io.callport.mapping.InvalidMappingException;
import io.callport.mapping.MappingJson;
import io.callport.server.store.BatchCounts;
import io.callport.server.store.BatchStatus;
import io.callport.server.store.CallStatus;
import io.callport.server.store.Claim;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.IngestFileKind;
import io.callport.server.store.RowOutcome;
import io.callport.server.store.WorkItem;
import io.callport.server.store.WorkKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Works out a batch's status from what its files, rows and calls are doing. Refreshes are queued by every change
 * and run after the other stages, so many changes cost one refresh. When a batch stops processing (it finished, or
 * waits for files or metadata) its metadata files' failed-rows reports are written again, since rows may have
 * failed after their file was read (a recording that is not audio fails its row).
 *
 * <ol>
 *   <li>Detecting while its window is open;</li>
 *   <li>Processing while it is being closed or settled, or a file or call of it is in progress;</li>
 *   <li>Waiting for Files while a call of it waits for its recording;</li>
 *   <li>Waiting for CSV while a recording of it waits for its metadata;</li>
 *   <li>then Completed when nothing failed or was refused (calls the campaign's picking rule left out are
 *       neither), Failed when nothing succeeded, else Incomplete; a cancelled batch ends Incomplete.</li>
 * </ol>
 */
final class BatchRefreshing implements Stage {
    private final PipelineContext context;
    private final FailedRowsReport reports;

    BatchRefreshing(PipelineContext context, FailedRowsReport reports) {
        this.context = context;
        this.reports = reports;
    }

    @Override
    public WorkKind kind() {
        return WorkKind.REFRESH_BATCH;
    }

    @Override
    public int claimSize() {
        return 8;
    }

    @Override
    public void run(Claim claim) {
        context.finishing(claim, (c, changes) -> {
            for (WorkItem item : claim.items()) {
                refresh(c, changes, item.subjectId());
            }
            return null;
        });
    }

    private void refresh(Connection c, Changes changes, String batchId) throws SQLException {
        IngestBatch batch = context.pipeline().batches().find(c, batchId).orElse(null);
        if (batch == null) {
            return;
        }
        BatchCounts counts = context.pipeline().batches().counts(c, batchId);
        BatchStatus status = statusOf(c, batch, counts);
        String reason = reasonOf(status, counts);
        if (batch.cancelledAt() != null && status.isFinal()) {
            status = BatchStatus.INCOMPLETE;
            reason = "Cancelled on " + Texts.when(batch.cancelledAt()) + ". " + reason;
        }
        if (status == batch.status() && java.util.Objects.equals(reason, batch.reason())) {
            return;
        }
        context.pipeline().batches().setStatus(c, batchId, status, reason);
        changes.event(new PipelineEvent(PipelineEvent.BATCH, batchId, batch.orgId(), batch.campaignId(), batchId,
                status.name(), reason, context.now()));
        if (status.isFinal()) {
            for (IngestFile zip : context.pipeline().files().inBatch(c, batchId, IngestFileKind.ARCHIVE,
                    FileStatus.COMPLETED)) {
                changes.afterCommit(() -> context.landed().removeUnzipped(zip.id()));
            }
        }
        if (status != BatchStatus.DETECTING && status != BatchStatus.PROCESSING) {
            for (IngestFile file : context.pipeline().files().inBatch(c, batchId, IngestFileKind.METADATA,
                    FileStatus.COMPLETED)) {
                changes.afterCommit(() -> {
                    FieldMapping mapping = mappingOf(file);
                    if (mapping != null) {
                        reports.write(file, mapping.dialect());
                    }
                });
            }
        }
    }

    private BatchStatus statusOf(Connection c, IngestBatch batch, BatchCounts counts) throws SQLException {
        if (batch.open()) {
            return BatchStatus.DETECTING;
        }
        boolean settling = context.pipeline().work().isQueued(c, WorkKind.CLOSE_BATCH, batch.id())
                || context.pipeline().work().isQueued(c, WorkKind.SETTLE_BATCH, batch.id());
        long callsInProgress = counts.calls(CallStatus.PENDING) - counts.callsWaitingForRecordings()
                + counts.calls(CallStatus.PROCESSING) + counts.calls(CallStatus.TRANSCRIBING)
                + counts.calls(CallStatus.ANALYZING);
        long filesInProgress = counts.files(FileStatus.DETECTED) - counts.recordingsWaiting()
                - counts.sidecarsWaiting() + counts.files(FileStatus.MATCHED) + counts.files(FileStatus.PROCESSING);
        if (settling || callsInProgress > 0 || filesInProgress > 0) {
            return BatchStatus.PROCESSING;
        }
        if (counts.callsWaitingForRecordings() > 0 || counts.sidecarsWaiting() > 0) {
            return BatchStatus.WAITING_FOR_FILES;
        }
        if (counts.recordingsWaiting() > 0) {
            return BatchStatus.WAITING_FOR_CSV;
        }
        // calls and recordings the campaign's picking rule left out are not failures
        long failures = counts.files(FileStatus.FAILED) + counts.files(FileStatus.SKIPPED)
                - counts.recordingsNotPicked() + counts.rows(RowOutcome.FAILED) + counts.rows(RowOutcome.SKIPPED)
                + counts.calls(CallStatus.FAILED);
        long successes = counts.calls(CallStatus.COMPLETED) + counts.rows(RowOutcome.COMPLETED)
                + counts.filesTakenIn();
        if (failures == 0) {
            return BatchStatus.COMPLETED;
        }
        return successes == 0 ? BatchStatus.FAILED : BatchStatus.INCOMPLETE;
    }

    private static String reasonOf(BatchStatus status, BatchCounts counts) {
        return switch (status) {
            case DETECTING, PROCESSING -> null;
            case WAITING_FOR_FILES -> String.format("%,d calls or sidecars wait for their recordings; they wait up "
                    + "to 30 days.", counts.callsWaitingForRecordings() + counts.sidecarsWaiting());
            case WAITING_FOR_CSV -> String.format("%,d recordings wait for the metadata (CSV rows or sidecars) that"
                    + " names them; they wait up to 30 days.", counts.recordingsWaiting());
            case COMPLETED, INCOMPLETE, FAILED -> summary(counts);
        };
    }

    /** "12 calls completed, 3 calls not picked, 1 call failed, 2 rows refused, 1 duplicate file not processed ..." */
    private static String summary(BatchCounts counts) {
        List<String> parts = new ArrayList<>();
        add(parts, counts.calls(CallStatus.COMPLETED), "call completed", "calls completed");
        if (counts.calls(CallStatus.COMPLETED) == 0) {
            // recordings or sidecars completing calls that other batches' metadata made
            add(parts, counts.filesTakenIn(), "file taken in", "files taken in");
        }
        add(parts, counts.calls(CallStatus.SKIPPED), "call not picked", "calls not picked");
        if (counts.calls(CallStatus.SKIPPED) == 0) {
            // recordings left out with calls that other batches' metadata made
            add(parts, counts.recordingsNotPicked(), "recording not picked", "recordings not picked");
        }
        add(parts, counts.calls(CallStatus.FAILED), "call failed", "calls failed");
        add(parts, counts.rows(RowOutcome.FAILED) + counts.rows(RowOutcome.SKIPPED), "row refused", "rows refused");
        add(parts, counts.files(FileStatus.FAILED), "file failed", "files failed");
        add(parts, counts.files(FileStatus.SKIPPED) - counts.recordingsNotPicked(), "file skipped", "files skipped");
        add(parts, counts.files(FileStatus.DUPLICATE), "duplicate file not processed again",
                "duplicate files not processed again");
        return parts.isEmpty() ? "Nothing to process." : String.join(", ", parts) + ".";
    }

    private static void add(List<String> parts, long count, String one, String many) {
        if (count > 0) {
            parts.add(String.format("%,d %s", count, count == 1 ? one : many));
        }
    }

    private FieldMapping mappingOf(IngestFile file) {
        if (file.mappingVersion() == null) {
            return null;
        }
        return context.store().fieldMappings().version(file.campaignId(), file.mappingVersion()).map(version -> {
            try {
                return MappingJson.parse(version.mappingJson());
            } catch (InvalidMappingException e) {
                return null;
            }
        }).orElse(null);
    }

    @Override
    public void giveUp(Connection connection, Changes changes, WorkItem item, String reason) {
        // a refresh only reads; the next change queues another
    }
}
